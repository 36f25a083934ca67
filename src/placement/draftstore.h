#pragma once

#include "core/result.h"
#include "placement/placementeditormodel.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Meridian::Placement {

// An unapplied placement draft, kept so that nothing the operator edited is lost when applying
// fails or the app restarts.
struct PlacementDraft
{
    QString key; // "namespace/name"
    PlacementState state;
    PlacementState base; // what the engine ran when the draft was made
    QDateTime savedAt;
};

// One small JSON file per workload under the app data directory (no credentials: preferences
// and replica counts only). Writes are atomic (QSaveFile).
class DraftStore final
{
public:
    // Empty: QStandardPaths::AppDataLocation + "/placement-drafts".
    explicit DraftStore(QString directory = {});

    QString directory() const { return m_directory; }
    Status save(const PlacementDraft &draft) const;
    std::optional<PlacementDraft> load(const QString &key) const;
    void remove(const QString &key) const;

private:
    QString fileFor(const QString &key) const;
    QString m_directory;
};

} // namespace Meridian::Placement
