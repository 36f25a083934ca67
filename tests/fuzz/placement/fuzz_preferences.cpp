// libFuzzer target for the preference parsers; the CMake file builds one binary per parser.
// Whatever the input, parsing returns a value or an error, and a parsed document writes back to
// text that parses again to the same preferences.

#include "placement/preferencesdocument.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using Meridian::Placement::PreferencesDocument;

namespace {

Meridian::Result<PreferencesDocument> parse(const QByteArray &text)
{
#if defined(MERIDIAN_FUZZ_PARSER_annotation)
    return PreferencesDocument::parseAnnotation(text);
#elif defined(MERIDIAN_FUZZ_PARSER_rsp)
    return PreferencesDocument::parseReplicaSchedulingPreference(text);
#elif defined(MERIDIAN_FUZZ_PARSER_propagationpolicy)
    return PreferencesDocument::parsePropagationPolicy(text);
#else
    return PreferencesDocument::parse(text);
#endif
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto doc = parse(text);
    if (!doc.ok())
        return 0;
    doc->setPreferences(doc->preferences());
    const auto again = parse(doc->toText());
    if (!again.ok() || again->preferences().clusters != doc->preferences().clusters) {
        // Shows what went wrong when a crash file is replayed.
        std::fprintf(stderr,
                     "written:\n%s\nreparsed: %s\n",
                     doc->toText().constData(),
                     again.ok() ? "different clusters" : qPrintable(again.error().message));
        std::abort();
    }
    return 0;
}
