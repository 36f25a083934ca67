#include "pagedecoder.h"

#include "timestamps.h"

#include <QCoreApplication>

#include <simdjson.h>

namespace Meridian::Logs {

namespace od = simdjson::ondemand;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Logs", text);
}

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
    simdjson::padded_string buffer;
    std::string message, extras, labels, minified;
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

    simdjson::error_code entry(od::value value, SegmentBuilder &builder, DecodedPage &page)
    {
        od::object object;
        if (auto e = value.get_object().get(object))
            return e;
        for (std::string *s : {&message,
                               &extras,
                               &labels,
                               &cluster,
                               &ns,
                               &pod,
                               &container,
                               &location,
                               &project,
                               &logName,
                               &insertId})
            s->clear();
        qint64 timestamp = 0;
        qint64 received = 0;
        Severity severity = Severity::Default;
        for (auto field : object) {
            std::string_view key;
            if (auto e = field.unescaped_key().get(key))
                return e;
            od::value v = field.value();
            if (key == "timestamp" || key == "receiveTimestamp") {
                std::string_view text;
                if (!v.get_string().get(text)) {
                    if (const auto ns = parseRfc3339(text))
                        (key == "timestamp" ? timestamp : received) = *ns;
                }
            } else if (key == "severity") {
                std::string_view text;
                int64_t number = 0;
                if (!v.get_string().get(text)) {
                    severity = severityFromBytes(text).value_or(Severity::Default);
                } else if (!v.get_int64().get(number) && number >= 0 && number % 100 == 0
                           && number / 100 < severityCount) {
                    severity = static_cast<Severity>(number / 100);
                }
            } else if (key == "textPayload") {
                if (auto e = stringInto(v, message))
                    return e;
            } else if (key == "jsonPayload" || key == "protoPayload") {
                appendMinified(rawOf(v), message);
            } else if (key == "resource") {
                if (auto e = resource(v))
                    return e;
            } else if (key == "labels") {
                appendMinified(rawOf(v), labels);
            } else if (key == "logName") {
                if (auto e = stringInto(v, logName))
                    return e;
            } else if (key == "insertId") {
                const std::string_view raw = rawOf(v);
                if (auto e = stringInto(v, insertId))
                    return e;
                addExtra(key, raw);
            } else {
                // httpRequest, trace, spanId, sourceLocation, operation, split, ...: kept whole
                // for the detail pane.
                const std::string_view raw = rawOf(v);
                if (!raw.empty())
                    addExtra(key, raw);
            }
        }
        if (!extras.empty())
            extras.push_back('}');
        if (timestamp == 0)
            timestamp = received;
        const quint32 source = sources->intern(
                {cluster, ns, pod, container, location, project, logName, labels});
        builder.append(timestamp, source, severity, message, extras);
        ++page.entries;
        if (timestamp > page.newestNs) {
            page.newestNs = timestamp;
            page.newestIds.clear();
        }
        if (timestamp == page.newestNs)
            page.newestIds.push_back(insertId);
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
                tr("The Cloud Logging answer is not a valid entries:list page (%1); %2 bytes, "
                   "starting \"%3\".")
                        .arg(QString::fromLatin1(simdjson::error_message(error)))
                        .arg(bytes.size())
                        .arg(QString::fromUtf8(bytes.left(80))));
    }
    return page;
}

} // namespace Meridian::Logs
