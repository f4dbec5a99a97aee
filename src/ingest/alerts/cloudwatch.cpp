// AWS CloudWatch alarm state changes (input-formats.md §2): the SNS notification (alarm JSON inside the
// `Message` string), the Lambda form `Records[].Sns`, EventBridge "CloudWatch Alarm State Change", the
// Lambda alarm action (`alarmData`) and `aws cloudwatch describe-alarm-history` output (CLI v1 `Z` and v2
// `+00:00` times; only `StateUpdate` items are transitions, the others are counted). EventBridge envelopes
// whose body is under `alarmData` (a Lambda alarm action forwarded as is) read like `detail`; AWS's
// documentation samples write `12: 36: 15.490+0000` (spaces after the colons), read with a warning
// (aws_spaced_time). One event per
// transition, id `cloudwatch:<alarm>/<new state>@<instant to the ms>` (DESIGN.md), so the same transition
// read from SNS and from the history gets the same id.
#include <cctype>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/alerts/alert_vendors.hpp"

namespace retro::ingest::alerts {
namespace {

constexpr std::string_view vendor_name = "cloudwatch";

constexpr int max_depth = 3;

std::string_view map_state(std::string_view value) {
    if (value == "ALARM") return "firing";
    if (value == "OK") return "resolved";
    return "unknown";
}

// `2023-08-04T12: 36: 15.490+0000` → `2023-08-04T12:36:15.490+0000`: AWS's documentation samples (and
// fixtures copied from them) put a space after each colon of the time. Only that form is repaired: a date,
// `T`, then `HH: MM: SS` with one space after each colon; anything else is std::nullopt. The instant is
// unambiguous, so the vendor reads it, with a warning; core time parsing stays strict for everyone else.
std::optional<std::string> aws_spaced_time(std::string_view text) {
    const std::size_t t = text.find('T');
    if (t != 10 || text.size() < t + 11) return std::nullopt;
    const auto digits = [&](std::size_t at) {
        return std::isdigit(static_cast<unsigned char>(text[at])) && std::isdigit(static_cast<unsigned char>(text[at + 1]));
    };
    const std::size_t h = t + 1;  // HH: MM: SS
    if (!digits(h) || text.substr(h + 2, 2) != ": " || !digits(h + 4) || text.substr(h + 6, 2) != ": " ||
        !digits(h + 8))
        return std::nullopt;
    std::string repaired(text.substr(0, h + 2));
    repaired += ':';
    repaired += text.substr(h + 4, 2);
    repaired += ':';
    repaired += text.substr(h + 8);
    return repaired;
}

// `key` of `obj` as an ISO 8601 time (FieldReader::iso_time), or AWS's documentation form with spaces
// inside the time, read with a `cloudwatch.spaced-time` warning at the field.
std::optional<Instant> read_time(FieldReader& r, json::Element obj, std::string_view obj_path, std::string_view key,
                                 std::string* raw) {
    if (auto text = json::string_member(obj, key)) {
        if (auto repaired = aws_spaced_time(*text)) {
            if (auto instant = parse_iso8601(*repaired)) {
                r.report(Severity::warning, "spaced-time", member_path(obj_path, key),
                         fmt::format("`{}` holds `{}`, with spaces inside the time (as AWS's documentation samples "
                                     "write it); read as `{}`",
                                     key, *text, *repaired));
                if (raw) *raw = std::string(*text);
                return instant;
            }
        }
    }
    return r.iso_time(obj, obj_path, key, raw);
}

struct Transition {
    std::string_view name, state, reason;
    Instant time{};
    std::string raw;
    std::string_view fallback;  // provenance.time_fallback
};

void emit(const Transition& t, const JsonText& text, AlertContext& ctx) {
    Event e = make_alert_event(vendor_name, text);
    e.id = fmt::format("cloudwatch:{}/{}@{}", t.name, t.state, format_utc_ms(t.time));
    e.time = t.time;
    e.time_raw = t.raw;
    e.text = clean_text(t.reason.empty() ? fmt::format("{}: {}", t.state, t.name)
                                         : fmt::format("{}: {}: {}", t.state, t.name, t.reason));
    e.alert = AlertInfo{std::string(t.name), {}, std::string(map_state(t.state)), {}, {}};
    if (!t.fallback.empty()) e.provenance.ensure().time_fallback = std::string(t.fallback);
    ctx.sink.add(std::move(e));
}

// Decodes the JSON inside string `s` found at `path` of `outer`. A document that does not parse is a
// warning at its position inside the string; the caller keeps what the outer record says.
std::optional<json::Element> parse_embedded(FieldReader& r, const JsonText& inner, int depth) {
    json::Element root;
    if (depth < max_depth && !r.context().parsers.levels[depth].parse(inner.text()).get(root)) return root;
    const json::SyntaxError error = json::find_syntax_error(inner.text());
    std::string suffix;
    Location where = inner.at_offset(error.offset, suffix);
    r.context().diags.warning("cloudwatch.bad-embedded-json", std::move(where),
                              fmt::format("embedded JSON does not parse: {}{}", error.reason, suffix));
    return std::nullopt;
}

// The alarm JSON of an SNS `Message` (or that JSON on its own).
void parse_alarm_message(json::Element alarm, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, vendor_name);
    Transition t;
    t.name = r.string(alarm, path, "AlarmName");
    t.state = r.string(alarm, path, "NewStateValue");
    t.reason = r.string(alarm, path, "NewStateReason");
    auto time = read_time(r, alarm, path, "StateChangeTime", &t.raw);
    if (r.failed()) return ctx.sink.drop("cloudwatch: damaged record");
    if (t.name.empty() || t.state.empty() || !time) {
        r.report(Severity::warning, "incomplete", path,
                 "alarm notification without `AlarmName`, `NewStateValue` or `StateChangeTime`; not emitted");
        return ctx.sink.drop("cloudwatch: no usable time or state");
    }
    t.time = *time;
    emit(t, text, ctx);
}

// EventBridge `detail` or the Lambda alarm action's `alarmData`: {alarmName, state{value, reason,
// reasonData, timestamp}}.
void parse_alarm_detail(json::Element detail, const JsonText& text, std::string_view path, AlertContext& ctx,
                        int depth) {
    FieldReader r(ctx, text, vendor_name);
    Transition t;
    t.name = r.string(detail, path, "alarmName");
    auto state = r.object(detail, path, "state");
    const std::string state_path = member_path(path, "state");
    std::optional<Instant> time;
    if (state) {
        t.state = r.string(*state, state_path, "value");
        t.reason = r.string(*state, state_path, "reason");
        time = read_time(r, *state, state_path, "timestamp", &t.raw);
        const std::string_view reason_data = r.string(*state, state_path, "reasonData");
        if (!r.failed() && !reason_data.empty()) {
            const JsonText inner(reason_data, text, member_path(state_path, "reasonData"), "reasonData");
            parse_embedded(r, inner, depth);
        }
    }
    if (r.failed()) return ctx.sink.drop("cloudwatch: damaged record");
    if (t.name.empty() || t.state.empty() || !time) {
        r.report(Severity::warning, "incomplete", path,
                 "alarm state change without `alarmName`, `state.value` or `state.timestamp`; not emitted");
        return ctx.sink.drop("cloudwatch: no usable time or state");
    }
    t.time = *time;
    emit(t, text, ctx);
}

void parse_eventbridge(json::Element event, const JsonText& text, std::string_view path, AlertContext& ctx, int depth) {
    FieldReader r(ctx, text, vendor_name);
    const std::string_view type = r.string(event, path, "detail-type");
    if (r.failed()) return ctx.sink.drop("cloudwatch: damaged record");
    if (type != "CloudWatch Alarm State Change") return ctx.sink.drop(fmt::format("cloudwatch: {}", type));
    // The body is `detail`; an alarm action's payload forwarded in the envelope keeps it under `alarmData`.
    const std::string_view body = json::member(event, "detail") || !json::member(event, "alarmData") ? "detail"
                                                                                                      : "alarmData";
    auto detail = r.object(event, path, body);
    if (r.failed()) return ctx.sink.drop("cloudwatch: damaged record");
    if (!detail) {
        r.report(Severity::warning, "incomplete", path,
                 "EventBridge alarm event without `detail` or `alarmData`; not emitted");
        return ctx.sink.drop("cloudwatch: no usable time or state");
    }
    parse_alarm_detail(*detail, text, member_path(path, body), ctx, depth);
}

// `ALARM: "name" in Region`: what an SNS notification says when its Message is damaged.
bool parse_subject(std::string_view subject, Transition& t) {
    const std::size_t colon = subject.find(": \"");
    const std::size_t close = subject.rfind("\" in ");
    if (colon == std::string_view::npos || close == std::string_view::npos || close <= colon + 3) return false;
    t.state = subject.substr(0, colon);
    t.name = subject.substr(colon + 3, close - colon - 3);
    return t.state == "ALARM" || t.state == "OK" || t.state == "INSUFFICIENT_DATA";
}

void parse_sns(json::Element sns, const JsonText& text, std::string_view path, AlertContext& ctx, int depth) {
    FieldReader r(ctx, text, vendor_name);
    const std::string_view message = r.string(sns, path, "Message");
    const std::string_view subject = r.string(sns, path, "Subject");
    Transition fallback;
    auto published = r.iso_time(sns, path, "Timestamp", &fallback.raw);
    if (r.failed()) return ctx.sink.drop("cloudwatch: damaged record");
    const std::string message_path = member_path(path, "Message");
    if (trim(message).starts_with('{')) {
        const JsonText inner(message, text, message_path, "Message");
        if (auto alarm = parse_embedded(r, inner, depth)) {
            if (json::member(*alarm, "AlarmName")) return parse_alarm_message(*alarm, inner, "", ctx);
            if (json::member(*alarm, "detail-type")) return parse_eventbridge(*alarm, inner, "", ctx, depth + 1);
            r.report(Severity::warning, "not-alarm", message_path,
                     "SNS notification does not carry a CloudWatch alarm; not emitted");
            return ctx.sink.drop("cloudwatch: SNS notification without an alarm");
        }
        // The Message is damaged: keep the outer record when its Subject names the transition.
        if (published && parse_subject(subject, fallback)) {
            fallback.time = *published;
            fallback.reason = subject;
            fallback.fallback = "sns-timestamp";
            return emit(fallback, text, ctx);
        }
        return ctx.sink.drop("cloudwatch: damaged record");
    }
    r.report(Severity::warning, "not-alarm", message_path,
             "SNS notification does not carry a CloudWatch alarm; not emitted");
    ctx.sink.drop("cloudwatch: SNS notification without an alarm");
}

// `Alarm updated from OK to ALARM` → `ALARM`.
std::string_view state_from_summary(std::string_view summary) {
    const std::size_t to = summary.rfind(" to ");
    if (!summary.starts_with("Alarm updated from ") || to == std::string_view::npos) return {};
    return summary.substr(to + 4);
}

void parse_history_item(json::Element item, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, vendor_name);
    const std::string_view type = r.string(item, path, "HistoryItemType");
    if (r.failed()) return ctx.sink.drop("cloudwatch: damaged record");
    if (type != "StateUpdate") return ctx.sink.drop(fmt::format("cloudwatch: {} history item", type));
    Transition t;
    t.name = r.string(item, path, "AlarmName");
    const std::string_view summary = r.string(item, path, "HistorySummary");
    const std::string_view data = r.string(item, path, "HistoryData");
    auto time = read_time(r, item, path, "Timestamp", &t.raw);
    if (r.failed()) return ctx.sink.drop("cloudwatch: damaged record");
    const JsonText inner(data, text, member_path(path, "HistoryData"), "HistoryData");
    if (!data.empty()) {
        if (auto history = parse_embedded(r, inner, 0)) {
            FieldReader ir(ctx, inner, vendor_name);
            if (auto next = ir.object(*history, "", "newState")) {
                t.state = ir.string(*next, ".newState", "stateValue");
                t.reason = ir.string(*next, ".newState", "stateReason");
            }
            if (ir.failed()) return ctx.sink.drop("cloudwatch: damaged record");
        }
    }
    if (t.state.empty()) t.state = state_from_summary(summary);
    if (t.reason.empty()) t.reason = summary;
    if (t.name.empty() || t.state.empty() || !time) {
        r.report(Severity::warning, "incomplete", path,
                 "history item without `AlarmName`, a new state or `Timestamp`; not emitted");
        return ctx.sink.drop("cloudwatch: no usable time or state");
    }
    t.time = *time;
    emit(t, text, ctx);
}

template <typename Each>
void for_each_element(FieldReader& r, json::Element value, std::string_view path, std::string_view key, Each each) {
    auto items = r.array(value, path, key);
    if (!items) return;
    const std::string array_path = member_path(path, key);
    std::size_t i = 0;
    for (json::Element item : *items) each(item, element_path(array_path, i++));
}

bool is_cloudwatch_shape(json::Element v, const IngestOptions& /*options*/) {
    if (json::member(v, "AlarmHistoryItems") || json::member(v, "HistoryItemType")) return true;
    if (json::member(v, "AlarmName") && json::member(v, "NewStateValue")) return true;
    if (auto type = json::string_member(v, "detail-type"); type && type->starts_with("CloudWatch Alarm")) return true;
    if (json::string_member(v, "source") == "aws.cloudwatch") return true;
    if (json::string_member(v, "Type") == "Notification" && json::member(v, "Message")) return true;
    if (auto records = json::array_member(v, "Records"); records && records->size() > 0) {
        return json::member(records->at(0).value_unsafe(), "Sns").has_value();
    }
    return false;
}

void parse_cloudwatch(json::Element value, const JsonText& text, std::string_view path, AlertContext& ctx) {
    FieldReader r(ctx, text, vendor_name);
    if (json::member(value, "AlarmHistoryItems")) {
        for_each_element(r, value, path, "AlarmHistoryItems",
                         [&](json::Element item, const std::string& p) { parse_history_item(item, text, p, ctx); });
    } else if (json::member(value, "HistoryItemType")) {
        parse_history_item(value, text, path, ctx);
    } else if (json::member(value, "Records")) {
        for_each_element(r, value, path, "Records", [&](json::Element record, const std::string& p) {
            FieldReader rr(ctx, text, vendor_name);
            if (auto sns = rr.object(record, p, "Sns")) return parse_sns(*sns, text, member_path(p, "Sns"), ctx, 0);
            if (!rr.failed()) rr.report(Severity::warning, "not-alarm", p, "Lambda record without `Sns`; not emitted");
            ctx.sink.drop("cloudwatch: SNS notification without an alarm");
        });
    } else if (json::member(value, "detail-type")) {
        parse_eventbridge(value, text, path, ctx, 0);
    } else if (json::member(value, "alarmData")) {
        auto data = r.object(value, path, "alarmData");
        if (!data) return ctx.sink.drop("cloudwatch: damaged record");
        parse_alarm_detail(*data, text, member_path(path, "alarmData"), ctx, 0);
    } else if (json::member(value, "Message")) {
        parse_sns(value, text, path, ctx, 0);
    } else {
        parse_alarm_message(value, text, path, ctx);
    }
    if (r.failed()) ctx.sink.drop("cloudwatch: damaged record");
}

constexpr std::string_view markers[] = {R"("AlarmHistoryItems")", R"("HistoryItemType")", R"("AlarmName")",
                                        R"("aws:sns")", R"("CloudWatch Alarm)"};

}  // namespace

extern const AlertVendor cloudwatch_vendor{vendor_name, is_cloudwatch_shape, parse_cloudwatch, markers};

}  // namespace retro::ingest::alerts
