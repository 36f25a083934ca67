#pragma once

#include "core/placement/planner.h"
#include "core/result.h"
#include "placement/preferencesformat.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

namespace Meridian::Placement {

// Replica preferences in one of the three formats, parsed into one ReplicaPreferences value.
// The original document is kept, so writing back changes only what the preferences cover and
// keeps every other field. Errors name the field path and the reason; parsing never throws.
class PreferencesDocument final
{
public:
    // Tells the format from the content: a bare annotation value (JSON), an object that carries
    // the annotation, a ReplicaSchedulingPreference or a (Cluster)PropagationPolicy, in YAML or
    // JSON.
    static Result<PreferencesDocument> parse(const QByteArray &text);
    // The annotation's JSON value on its own.
    static Result<PreferencesDocument> parseAnnotation(const QByteArray &json);
    static Result<PreferencesDocument> parseReplicaSchedulingPreference(const QByteArray &text);
    static Result<PreferencesDocument> parsePropagationPolicy(const QByteArray &text);

    // A fresh document in `format` (for conversions); `lost` receives what the format cannot hold.
    static PreferencesDocument create(PreferencesFormat format,
                                      const ReplicaPreferences &prefs,
                                      QStringList *lost = nullptr);

    PreferencesDocument(const PreferencesDocument &other);
    PreferencesDocument &operator=(const PreferencesDocument &other);
    PreferencesDocument(PreferencesDocument &&) noexcept;
    PreferencesDocument &operator=(PreferencesDocument &&) noexcept;
    ~PreferencesDocument();

    PreferencesFormat format() const;
    const ReplicaPreferences &preferences() const;
    // Where the engine's own defaults were applied, e.g. a missing annotation.
    const QStringList &notes() const;

    // Replaces the preferences; returns what this format cannot express (nothing is lost
    // silently).
    QStringList setPreferences(const ReplicaPreferences &prefs);
    // The whole document, in the syntax it was read in (JSON stays JSON, YAML stays YAML).
    QByteArray toText() const;

    struct Data; // the original document; defined in the .cpp

private:
    explicit PreferencesDocument(std::unique_ptr<Data> data);
    QStringList writePreferences(const ReplicaPreferences &prefs);
    std::unique_ptr<Data> d;
};

} // namespace Meridian::Placement
