// Slack mrkdwn and Block Kit to plain text plus spans (input-formats.md §1.7, §1.9).
#include <catch2/catch.hpp>

#include <map>

#include "core/json_dom.hpp"
#include "core/text_utf8.hpp"
#include "ingest/slack/blocks.hpp"
#include "ingest/slack/rich_text.hpp"
#include "test_support.hpp"

using namespace retro;
using namespace retro::ingest::slack;

namespace {

NameLookup names() {
    static const std::map<std::string, std::string, std::less<>> users{{"U1", "Rachel"}, {"U2", "Nina P"}};
    static const std::map<std::string, std::string, std::less<>> channels{{"C1", "wc-platform-alerts"}};
    NameLookup n;
    n.user = [](std::string_view id) -> std::optional<std::string> {
        auto it = users.find(id);
        return it == users.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    n.channel = [](std::string_view id) -> std::optional<std::string> {
        auto it = channels.find(id);
        return it == channels.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    return n;
}

RichText mrkdwn(std::string_view s) {
    RichText out;
    append_mrkdwn(s, names(), out);
    return out;
}

Span span(std::size_t a, std::size_t b, SpanType t, std::string url = {}) {
    return Span{a, b, t, std::move(url)};
}

}  // namespace

TEST_CASE("mrkdwn tokens become names, links and decoded text", "[slack][mrkdwn]") {
    struct Case {
        std::string in, text;
        std::vector<Span> spans;
    };
    const std::vector<Case> cases{
        {"plain &amp; simple &lt;tag&gt;", "plain & simple <tag>", {}},
        {"keep us posted <@U1> :-)", "keep us posted @Rachel :-)", {span(15, 22, SpanType::mention)}},
        {"<@U9|micahstubbs> has joined the channel",
         "@micahstubbs has joined the channel",
         {span(0, 12, SpanType::mention)}},
        {"<@U9> joined", "@U9 joined", {span(0, 3, SpanType::mention)}},
        {"see <#C1> and <#C7|general>",
         "see #wc-platform-alerts and #general",
         {span(4, 23, SpanType::mention), span(28, 36, SpanType::mention)}},
        {"<!here> <!channel>", "@here @channel", {span(0, 5, SpanType::mention), span(6, 14, SpanType::mention)}},
        {"<!subteam^S123|@weco_devs> starting", "@weco_devs starting", {span(0, 10, SpanType::mention)}},
        {"<!date^1392734382^{date_short}|Feb 18, 2014>", "Feb 18, 2014", {}},
        {"go <https://a.example/x?a=1&amp;b=2|the page> now",
         "go the page now",
         {span(3, 11, SpanType::link, "https://a.example/x?a=1&b=2")}},
        {"<https://wellcomecollection.org/works/x>",
         "https://wellcomecollection.org/works/x",
         {span(0, 38, SpanType::link, "https://wellcomecollection.org/works/x")}},
        {"<mailto:a@b.c|a@b.c>", "a@b.c", {span(0, 5, SpanType::link, "mailto:a@b.c")}},
        {"<mailto:a@b.c>", "a@b.c", {span(0, 5, SpanType::link, "mailto:a@b.c")}},
        {"run `make test` now", "run make test now", {span(4, 13, SpanType::code)}},
        {"```\n{\"a\": 1}\n```", "{\"a\": 1}", {span(0, 8, SpanType::pre)}},
        {"it's getting\n```x &lt; y```", "it's getting\nx < y", {span(13, 18, SpanType::pre)}},
        {"*bold* and _it_", "bold and it", {span(0, 4, SpanType::bold), span(9, 11, SpanType::italic)}},
        {"sierra_reader_orders and 2*3*4", "sierra_reader_orders and 2*3*4", {}},
        {"a * b * c", "a * b * c", {}},
        {"AT&T &copy;", "AT&T &copy;", {}},
        {"&amp;lt; stays", "&lt; stays", {}},
    };
    for (const Case& c : cases) {
        INFO(c.in);
        RichText r = mrkdwn(c.in);
        CHECK(r.text == c.text);
        CHECK(r.spans == c.spans);
    }
}

TEST_CASE("rich_text blocks flatten with styles, mentions and lists", "[slack][blocks]") {
    // Block text is not entity-escaped: a real `<` stays as it is.
    std::string json = R"~([{"type":"rich_text","block_id":"x","elements":[
        {"type":"rich_text_section","elements":[
            {"type":"text","text":"Hi "},{"type":"user","user_id":"U2"},
            {"type":"text","text":" see "},{"type":"link","url":"https://x.example","text":"this"},
            {"type":"text","text":" a < b "},{"type":"text","text":"now","style":{"bold":true}},
            {"type":"emoji","name":"fire"},{"type":"text","text":"\n"}]},
        {"type":"rich_text_list","style":"bullet","elements":[
            {"type":"rich_text_section","elements":[{"type":"text","text":"one"}]},
            {"type":"rich_text_section","elements":[{"type":"broadcast","range":"here"}]}]},
        {"type":"rich_text_preformatted","elements":[{"type":"text","text":"x = 1"}]}]}])~";
    json::DomParser parser;
    Diagnostics diags = test::quiet_diagnostics();
    auto doc = parser.parse(json, Origin{"t", 1, 1}, diags, "t.bad");
    REQUIRE(doc);
    RichText out;
    append_blocks(doc->get_array().value_unsafe(), names(), out);
    CHECK(out.text == "Hi @Nina P see this a < b now:fire:\n• one\n• @here\nx = 1");
    CHECK(out.spans == std::vector<Span>{
                           span(3, 10, SpanType::mention), span(15, 19, SpanType::link, "https://x.example"),
                           span(26, 29, SpanType::bold), span(48, 53, SpanType::mention), span(54, 59, SpanType::pre)});
}

TEST_CASE("bot layout blocks: section, fields and context", "[slack][blocks]") {
    std::string json = R"~([{"type":"header","text":{"type":"plain_text","text":"Alarm"}},
        {"type":"section","text":{"type":"mrkdwn","text":"*State* &gt; ALARM"},
         "fields":[{"type":"mrkdwn","text":"Region: eu-west-1"}]},
        {"type":"divider"},
        {"type":"context","elements":[{"type":"mrkdwn","text":"by <@U1>"},{"type":"image","image_url":"x"},
                                      {"type":"plain_text","text":"now"}]}])~";
    json::DomParser parser;
    Diagnostics diags = test::quiet_diagnostics();
    auto doc = parser.parse(json, Origin{"t", 1, 1}, diags, "t.bad");
    REQUIRE(doc);
    RichText out;
    append_blocks(doc->get_array().value_unsafe(), names(), out);
    CHECK(out.text == "Alarm\nState > ALARM\nRegion: eu-west-1\nby @Rachel now");
    CHECK(out.spans == std::vector<Span>{span(6, 11, SpanType::bold), span(41, 48, SpanType::mention)});
}

TEST_CASE("text from the DOM is looked at for NUL only", "[slack][mrkdwn]") {
    std::string storage;
    const std::string clean = "caf\xc3\xa9 ok";
    CHECK(clean_dom_text(clean, storage).data() == clean.data());
    const std::string with_nul("a\0b", 3);
    const std::string_view repaired = clean_dom_text(with_nul, storage);
    CHECK(repaired == repair_utf8(with_nul));
    CHECK(repaired.find('\0') == std::string_view::npos);
    CHECK(repaired.data() == storage.data());
    CHECK(clean_dom_text(std::string_view(), storage).empty());
}
