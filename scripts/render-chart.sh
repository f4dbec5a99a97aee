#!/bin/sh
# Draws the Mermaid chart of a retro draft (`retro draft --chart`) as SVG and PNG, as GitHub would show it.
# Run by hand, not in CI: it needs Debian's `chromium` (apt-get install chromium), python3 and, the first time,
# npm and openssl to fetch the pinned `mermaid` package into a cache folder.
#
#   scripts/render-chart.sh DRAFT.md [OUT]        writes OUT.svg and OUT.png (OUT defaults to DRAFT without .md)
#
# How: the ```mermaid block is cut out of the draft, put into a page that loads mermaid.min.js from
# the package, and headless chromium runs it twice: once printing the page with the SVG text mermaid.render()
# gave (--dump-dom), once taking a screenshot of the picture at its own size. Chromium runs with TZ=UTC:
# mermaid draws the chart's times (local times, written with no zone) in the browser's zone, and a zone
# without summer time shows each of them as written.
#
# Environment: RETRO_CHART_CACHE (default ~/.cache/retro-render-chart) holds mermaid.min.js; CHROMIUM names the
# browser (default chromium); RETRO_CHART_WIDTH the chart's width in CSS pixels (default 1000, about GitHub's).
set -eu

# Pinned: the picture must not change with the next release. The integrity is npm's (`npm view
# mermaid@VERSION dist.integrity`); change both together.
MERMAID_VERSION=12.4.0
MERMAID_INTEGRITY=sha512-j2gvsGUFeS/53WdYLl9H5G2YtMZX9G/PlCvV3E5Pf4j5XSnK19DwazU6wki7OTcKeYKed7+qujRDLhy8NV2zBg==

usage() {
    echo "usage: scripts/render-chart.sh DRAFT.md [OUT]" >&2
    exit 2
}
if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
draft=$1
[ -f "$draft" ] || { echo "render-chart: $draft: no such file" >&2; exit 2; }
out=${2:-${draft%.md}}
chromium=${CHROMIUM:-chromium}
width=${RETRO_CHART_WIDTH:-1000}
cache=${RETRO_CHART_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/retro-render-chart}

command -v "$chromium" >/dev/null || { echo "render-chart: $chromium not found (apt-get install chromium)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "render-chart: python3 not found" >&2; exit 2; }

# Only the pinned package's tarball (npm pack: no dependencies, whose bundle mermaid.min.js already holds),
# checked against the integrity the registry gave for it when it was pinned.
mermaid_js=$cache/mermaid-$MERMAID_VERSION/mermaid.min.js
if [ ! -f "$mermaid_js" ]; then
    command -v npm >/dev/null || { echo "render-chart: npm not found (apt-get install npm)" >&2; exit 2; }
    command -v openssl >/dev/null || { echo "render-chart: openssl not found" >&2; exit 2; }
    mkdir -p "$cache/mermaid-$MERMAID_VERSION"
    echo "render-chart: fetching mermaid@$MERMAID_VERSION into $cache" >&2
    npm pack "mermaid@$MERMAID_VERSION" --pack-destination "$cache" --loglevel=error >/dev/null
    tarball=$cache/mermaid-$MERMAID_VERSION.tgz
    integrity="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 | tr -d '\n')"
    if [ "$integrity" != "$MERMAID_INTEGRITY" ]; then
        rm -f "$tarball"
        echo "render-chart: mermaid@$MERMAID_VERSION from npm is not the pinned package ($integrity)" >&2
        exit 1
    fi
    tar -xzf "$tarball" -O package/dist/mermaid.min.js >"$mermaid_js.part"
    mv "$mermaid_js.part" "$mermaid_js"
    rm -f "$tarball"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The ```mermaid block of the draft's chart region (of the whole file when it has no such region).
awk -v whole="$(grep -c '^<!-- retro:begin chart ' "$draft" || true)" '
    /^<!-- retro:begin chart / { region = 1; next }
    /^<!-- retro:end chart -->/ { region = 0 }
    !region && whole != 0 { next }
    /^```mermaid[ \t]*$/ && !inside { inside = 1; next }
    inside && /^```[ \t]*$/ { exit }
    inside { print }' "$draft" >"$work/chart.mmd"
[ -s "$work/chart.mmd" ] || { echo "render-chart: $draft holds no \`\`\`mermaid block (retro draft --chart)" >&2; exit 1; }

# The page: the chart's text in a script element (never parsed as HTML), rendered by mermaid into #chart;
# the SVG text goes into #svg for --dump-dom; #done or #error says it finished.
python3 - "$work/chart.mmd" "$mermaid_js" "$width" >"$work/page.html" <<'PY'
import html, json, pathlib, sys
chart, mermaid_js, width = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"), sys.argv[2], sys.argv[3]
chart_js = json.dumps(chart).replace("</", "<\\/")  # a JavaScript string that cannot end the script element
print(f"""<!doctype html>
<html><head><meta charset="utf-8">
<style>body {{ margin: 0; background: white; }} #chart {{ padding: 16px; }} #chart svg {{ max-width: none !important; width: {width}px; }}</style>
<script src="{html.escape(pathlib.Path(mermaid_js).as_uri())}"></script>
</head><body><div id="chart"></div><pre id="svg" hidden></pre><div id="state"></div>
<script>
const text = {chart_js};
mermaid.initialize({{ startOnLoad: false, securityLevel: "strict", theme: "default", gantt: {{ useWidth: {width} }} }});
mermaid.render("retro-chart", text).then(({{ svg }}) => {{
  document.getElementById("chart").innerHTML = svg;
  document.getElementById("svg").textContent = svg;
  document.getElementById("state").id = "done";
}}).catch((e) => {{
  document.getElementById("state").textContent = "mermaid: " + e;
  document.getElementById("state").id = "error";
}});
</script></body></html>""")
PY

run_chromium() {
    sandbox=
    [ "$(id -u)" -ne 0 ] || sandbox=--no-sandbox  # chromium refuses to run as root with its sandbox
    TZ=UTC "$chromium" --headless $sandbox --disable-gpu --hide-scrollbars --allow-file-access-from-files \
        --virtual-time-budget=10000 "$@" 2>"$work/chromium.log"
}

run_chromium --dump-dom "file://$work/page.html" >"$work/dom.html"
python3 - "$work/dom.html" "$out.svg" "$work/size" <<'PY'
import html, pathlib, re, sys
dom = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
error = re.search(r'<div id="error">(.*?)</div>', dom, re.S)
if error or 'id="done"' not in dom:
    sys.exit("render-chart: " + (html.unescape(error.group(1)) if error else "mermaid did not finish"))
svg = html.unescape(re.search(r'<pre id="svg" hidden="">(.*?)</pre>', dom, re.S).group(1))
pathlib.Path(sys.argv[2]).write_text(svg + "\n", encoding="utf-8")
box = re.search(r'viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"', svg)
width, height = (float(box.group(3)), float(box.group(4))) if box else (1000, 600)
pathlib.Path(sys.argv[3]).write_text(f"{int(width) + 32} {int(height) + 32}\n")
PY
read -r png_width png_height <"$work/size"

run_chromium --screenshot="$work/shot.png" --window-size="$png_width,$png_height" "file://$work/page.html"
mv "$work/shot.png" "$out.png"
echo "render-chart: wrote $out.svg and $out.png (${png_width}x${png_height}, mermaid $MERMAID_VERSION)" >&2
