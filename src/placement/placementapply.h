#pragma once

#include "core/placement/planner.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

namespace Meridian::Kube {
class ApiClient;
}

namespace Meridian::Placement {

// What applying a placement writes: the preferences annotation on every listed member's
// Deployment and, in Direct mode, each member's spec.replicas.
struct ApplyRequest
{
    QString ns;
    QString name;
    QString annotation; // the new annotation value (compact JSON)
    // The annotation each member had when the operator started editing ("" = none): a member
    // whose annotation has changed since is a real conflict, never overwritten.
    QMap<QString, QString> baseAnnotations;
    QMap<QString, qint64> replicas; // Direct: the plan per member; absent: leave spec.replicas
    QStringList members;            // the members to write (a retry names only the failed ones)
};

struct MemberApplyResult
{
    enum class State { Pending, Writing, Done, Unchanged, Conflict, Failed };
    QString member;
    State state = State::Pending;
    QString message;    // why it failed or conflicted, in the operator's words
    int httpStatus = 0; // of the last answer
    int attempts = 0;   // writes tried (a 409 re-reads and tries again)
    qint64 replicasBefore = -1;
    QString annotationBefore;

    bool isSuccess() const { return state == State::Done || state == State::Unchanged; }
};
using MemberApplyResults = QList<MemberApplyResult>;

QString applyStateName(MemberApplyResult::State state); // translated, for tables and the UI

// Whether two annotation values mean the same preferences (parsed when they parse, else as
// text): a re-formatted annotation is not a conflict.
bool sameAnnotation(const QString &a, const QString &b);
// The compact annotation value for `prefs`, as Meridian writes it.
QString annotationFor(const ReplicaPreferences &prefs);

// Applies one ApplyRequest on the API worker thread: per member GET, check the annotation
// against the operator's starting point, change only the annotation and spec.replicas, PUT
// with the resourceVersion read; on 409 read again and re-apply the same change to the fresh
// object. Members are written in parallel; one slow or failing member never stops the others.
// Deletes itself after `finished`.
class PlacementApplyJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlacementApplyJob)

public:
    PlacementApplyJob(ApplyRequest request,
                      const QHash<QString, Kube::ApiClient *> &clients,
                      QObject *parent = nullptr);
    ~PlacementApplyJob() override;

    static constexpr int maxAttempts = 5;

    void start();

signals:
    void memberProgress(const Meridian::Placement::MemberApplyResult &result);
    void finished(const Meridian::Placement::MemberApplyResults &results);

private:
    void read(const QString &member);
    void write(const QString &member, QJsonObject deployment);
    void settle(const QString &member,
                MemberApplyResult::State state,
                const QString &message,
                int httpStatus);
    QString path(const QString &member) const;

    ApplyRequest m_request;
    QHash<QString, QPointer<Kube::ApiClient>> m_clients;
    QMap<QString, MemberApplyResult> m_results;
    int m_open = 0;
};

} // namespace Meridian::Placement

Q_DECLARE_METATYPE(Meridian::Placement::MemberApplyResult)
Q_DECLARE_METATYPE(Meridian::Placement::MemberApplyResults)
