#include "pagedecoder.h"

#include "timestamps.h"

#include <QCoreApplication>

#include <simdjson.h>

#include <unordered_map>

namespace Meridian::Logs {

namespace od = simdjson::ondemand;

namespace {

std::string_view trimRight(std::string_view s)
{
    while (!s.empty()
           && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

} // namespace

struct PageDecoder::Private
{
    std::shared_ptr<SourceTable> sources;
    od::parser parser;
    od::parser sourceParser;
    std::unordered_map<std::string, quint32> sourceCache;
    std::string sourceKey;
    simdjson::padded_string buffer;
    std::string message, extras, extrasOut, labels, minified;
    std::string cluster, ns, pod, container, location, project, logName, insertId;

    // Appends the compact form of raw JSON to `out`.
    void appendMinified(std::string_view raw, std::string &out)
    {
        minified.resize(raw.size());
        std::size_t length = 0;
        if (simdjson::minify(raw.data(), raw.size(), minified.data(), length) != simdjson::SUCCESS)
            out.append(raw);
        else
            out.append(minified.data(), length);
    }

    void addExtra(std::string_view key, std::string_view raw)
    {
        extras.push_back(extras.empty() ? '{' : ',');
        extras.push_back('"');
        extras.append(key);
        extras.append("\":");
        appendMinified(raw, extras);
    }

    static std::string_view rawOf(od::value value)
    {
        od::json_type type;
        if (value.type().get(type))
            return {};
        if (type == od::json_type::object) {
            od::object object;
            std::string_view raw;
            if (value.get_object().get(object) || object.raw_json().get(raw))
                return {};
            return raw;
        }
        if (type == od::json_type::array) {
            od::array array;
            std::string_view raw;
            if (value.get_array().get(array) || array.raw_json().get(raw))
                return {};
            return raw;
        }
        return trimRight(value.raw_json_token());
    }

    // A value of another type leaves `out` as it is; a broken document is an error.
    static simdjson::error_code stringInto(od::value value, std::string &out)
    {
        std::string_view s;
        const simdjson::error_code e = value.get_string().get(s);
        if (e == simdjson::SUCCESS)
            out.assign(s);
        return e == simdjson::INCORRECT_TYPE ? simdjson::SUCCESS : e;
    }

    simdjson::error_code resource(od::value value)
    {
        od::object object;
        if (auto e = value.get_object().get(object))
            return e;
        for (auto field : object) {
            std::string_view key;
            if (auto e = field.unescaped_key().get(key))
                return e;
            if (key != "labels")
                continue;
            od::object labelsObject;
            if (auto e = field.value().get_object().get(labelsObject))
                return e;
            for (auto label : labelsObject) {
                std::string_view name;
                if (auto e = label.unescaped_key().get(name))
                    return e;
                std::string *target = name == "cluster_name"     ? &cluster
                                      : name == "namespace_name" ? &ns
                                      : name == "pod_name"       ? &pod
                                      : name == "container_name" ? &container
                                      : name == "location"       ? &location
                                      : name == "project_id"     ? &project
                                                                 : nullptr;
                if (target) {
                    if (auto e = stringInto(label.value(), *target))
                        return e;
                }
            }
        }
        return simdjson::SUCCESS;
    }

    // The source of an entry, from the raw JSON of its resource, labels and logName: a lookup
    // in this decoder's cache, parsed and interned only the first time (a few hundred sources
    // against a million entries).
    simdjson::error_code sourceOf(std::string_view resourceRaw,
                                  std::string_view labelsRaw,
                                  std::string_view logNameRaw,
                                  quint32 &id)
    {
        sourceKey.assign(resourceRaw);
        sourceKey.push_back('\x1f');
        sourceKey.append(labelsRaw);
        sourceKey.push_back('\x1f');
        sourceKey.append(logNameRaw);
        if (const auto it = sourceCache.find(sourceKey); it != sourceCache.end()) {
            id = it->second;
            return simdjson::SUCCESS;
        }
        for (std::string *s :
             {&labels, &cluster, &ns, &pod, &container, &location, &project, &logName})
            s->clear();
        std::string wrapped = "{\"r\":";
        wrapped.append(resourceRaw.empty() ? std::string_view("{}") : resourceRaw);
        wrapped.append(",\"n\":");
        wrapped.append(logNameRaw.empty() ? std::string_view("\"\"") : logNameRaw);
        wrapped.append("}");
        simdjson::padded_string padded(wrapped);
        od::document document;
        if (auto e = sourceParser.iterate(padded).get(document))
            return e;
        od::object root;
        if (auto e = document.get_object().get(root))
            return e;
        for (auto field : root) {
            std::string_view key;
            if (auto e = field.unescaped_key().get(key))
                return e;
            if (key == "r") {
                if (auto e = resource(field.value()))
                    return e;
            } else if (auto e = stringInto(field.value(), logName)) {
                return e;
            }
        }
        if (!labelsRaw.empty())
            appendMinified(labelsRaw, labels);
        id = sources->intern({cluster, ns, pod, container, location, project, logName, labels});
        sourceCache.emplace(sourceKey, id);
        return simdjson::SUCCESS;
    }

    simdjson::error_code entry(od::value value, SegmentBuilder &builder, DecodedPage &page)
    {
        od::object object;
        if (auto e = value.get_object().get(object))
            return e;
        message.clear();
        extras.clear();
        std::string_view text;     // textPayload, unescaped in the parser's buffer
        bool structured = false;   // the message is in `message` (minified JSON)
        std::string_view received; // receiveTimestamp, parsed only when timestamp is missing
        std::string_view resourceRaw, labelsRaw, logNameRaw, insertIdRaw;
        qint64 timestamp = 0;
        Severity severity = Severity::Default;
        for (auto field : object) {
            od::raw_json_string key;
            if (auto e = field.key().get(key))
                return e;
            od::value v = field.value();
            if (key == "timestamp") {
                std::string_view t;
                if (!v.get_string().get(t)) {
                    if (const auto ns = parseRfc3339(t))
                        timestamp = *ns;
                }
            } else if (key == "textPayload") {
                const simdjson::error_code e = v.get_string().get(text);
                if (e && e != simdjson::INCORRECT_TYPE)
                    return e;
            } else if (key == "severity") {
                std::string_view name;
                int64_t number = 0;
                if (!v.get_string().get(name)) {
                    severity = severityFromBytes(name).value_or(Severity::Default);
                } else if (!v.get_int64().get(number) && number >= 0 && number % 100 == 0
                           && number / 100 < severityCount) {
                    severity = static_cast<Severity>(number / 100);
                }
            } else if (key == "resource") {
                resourceRaw = rawOf(v);
            } else if (key == "labels") {
                labelsRaw = rawOf(v);
            } else if (key == "logName") {
                logNameRaw = rawOf(v);
            } else if (key == "insertId") {
                insertIdRaw = rawOf(v);
            } else if (key == "receiveTimestamp") {
                if (v.get_string().get(received))
                    received = {};
            } else if (key == "jsonPayload" || key == "protoPayload") {
                appendMinified(rawOf(v), message);
                structured = true;
            } else if (key == "trace" || key == "spanId" || key == "sourceLocation"
                       || key == "operation") {
                // Small and useful in the detail pane. httpRequest, split and the rest are not
                // kept: they would double the store's memory (docs/LOGS.md).
                const std::string_view raw = rawOf(v);
                if (!raw.empty()) {
                    std::string_view name = key == "trace"            ? "trace"
                                            : key == "spanId"         ? "spanId"
                                            : key == "sourceLocation" ? "sourceLocation"
                                                                      : "operation";
                    addExtra(name, raw);
                }
            }
        }
        // {"insertId":..., "trace":..., ...}: insertId first, so readers find it cheaply.
        extrasOut.clear();
        if (!insertIdRaw.empty()) {
            extrasOut.assign("{\"insertId\":");
            extrasOut.append(insertIdRaw);
        }
        if (!extras.empty()) {
            if (extrasOut.empty()) {
                extrasOut.assign(extras);
            } else {
                extrasOut.push_back(',');
                extrasOut.append(extras, 1);
            }
        }
        if (!extrasOut.empty())
            extrasOut.push_back('}');
        if (timestamp == 0 && !received.empty()) {
            if (const auto ns = parseRfc3339(received))
                timestamp = *ns;
        }
        quint32 source = 0;
        if (auto e = sourceOf(resourceRaw, labelsRaw, logNameRaw, source))
            return e;
        builder.appendValidUtf8(timestamp,
                                source,
                                severity,
                                structured ? std::string_view(message) : text,
                                extrasOut);
        ++page.entries;
        if (timestamp > page.newestNs) {
            page.newestNs = timestamp;
            page.newestIds.clear();
        }
        if (timestamp == page.newestNs && insertIdRaw.size() >= 2)
            page.newestIds.emplace_back(insertIdRaw.substr(1, insertIdRaw.size() - 2));
        return simdjson::SUCCESS;
    }

    simdjson::error_code page(const char *data, std::size_t size, DecodedPage &out)
    {
        buffer = simdjson::padded_string(data, size);
        od::document document;
        if (auto e = parser.iterate(buffer).get(document))
            return e;
        od::object root;
        if (auto e = document.get_object().get(root))
            return e;
        SegmentBuilder builder;
        for (auto field : root) {
            std::string_view key;
            if (auto e = field.unescaped_key().get(key))
                return e;
            if (key == "entries") {
                od::array entries;
                if (auto e = field.value().get_array().get(entries))
                    return e;
                for (auto item : entries) {
                    od::value value;
                    if (auto e = item.get(value))
                        return e;
                    if (auto e = entry(value, builder, out))
                        return e;
                }
            } else if (key == "nextPageToken") {
                std::string_view token;
                if (!field.value().get_string().get(token))
                    out.nextPageToken = QByteArray(token.data(), qsizetype(token.size()));
            }
        }
        out.segment = builder.take();
        return simdjson::SUCCESS;
    }
};

PageDecoder::PageDecoder(std::shared_ptr<SourceTable> sources)
    : d(std::make_unique<Private>())
{
    d->sources = std::move(sources);
}

PageDecoder::~PageDecoder() = default;

Result<DecodedPage> PageDecoder::decode(const QByteArray &bytes)
{
    DecodedPage page;
    simdjson::error_code error = d->page(bytes.constData(), std::size_t(bytes.size()), page);
    if (error != simdjson::SUCCESS
        && !simdjson::validate_utf8(bytes.constData(), std::size_t(bytes.size()))) {
        // A page with broken UTF-8 still shows: the bad bytes become U+FFFD.
        const QByteArray clean = QString::fromUtf8(bytes).toUtf8();
        page = DecodedPage{};
        error = d->page(clean.constData(), std::size_t(clean.size()), page);
    }
    if (error != simdjson::SUCCESS) {
        return Result<DecodedPage>::failure(
                QStringLiteral("ParseError"),
                QCoreApplication::translate(
                        "Meridian::Logs",
                        "The Cloud Logging answer is not a valid entries:list page (%1); %2 bytes, "
                        "starting \"%3\".")
                        .arg(QString::fromLatin1(simdjson::error_message(error)))
                        .arg(bytes.size())
                        .arg(QString::fromUtf8(bytes.left(80))));
    }
    return page;
}

} // namespace Meridian::Logs
