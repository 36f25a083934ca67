#pragma once

#include <QObject>
#include <QStringList>

namespace Meridian {

// What the operator is looking at, shared by the map, the cluster list, the workload tree and the
// details pane: the selected clusters (kubeconfig contexts), the selected workload
// ("namespace/name"), and which of the two the details pane shows. Views write it when the
// operator clicks and follow it when another view changes it; setters that change nothing emit
// nothing, so two views that mirror each other settle at once.
class ConsoleSelection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleSelection)

public:
    enum class Focus { None, Cluster, Workload };
    Q_ENUM(Focus)

    explicit ConsoleSelection(QObject *parent = nullptr);

    const QStringList &clusters() const { return m_clusters; }
    const QString &currentCluster() const { return m_currentCluster; }
    const QString &workload() const { return m_workload; }
    Focus focus() const { return m_focus; }

    // `current` is the one the operator clicked last (shown in the details); it is added to
    // `contexts` when missing. With `takeFocus` the details pane turns to the clusters.
    void setClusters(const QStringList &contexts, const QString &current, bool takeFocus = true);
    void setWorkload(const QString &key, bool takeFocus = true);
    // Clusters that are gone leave the selection. If the current one went, the last one left is
    // current; if none is left, the details show the selected workload, or nothing.
    void removeClusters(const QStringList &contexts);
    void setFocus(Focus focus);
    void clear();

signals:
    void clustersChanged();
    void workloadChanged();
    void focusChanged();

private:
    QStringList m_clusters;
    QString m_currentCluster;
    QString m_workload;
    Focus m_focus = Focus::None;
};

} // namespace Meridian
