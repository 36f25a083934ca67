#include "placementdock.h"

#include "models/workloadmodel.h"
#include "placementeditor.h"
#include "worker/apiworker.h"

#include <QScrollArea>

namespace Meridian {

PlacementDock::PlacementDock(ApiThread *api,
                             WorkloadModel *workloads,
                             WorldMapView *map,
                             QWidget *parent)
    : QDockWidget(tr("Placement"), parent)
    , m_editor(new PlacementEditor)
    , m_workloads(workloads)
{
    setObjectName(QStringLiteral("placementDock"));
    m_editor->setApiThread(api);
    m_editor->setMapView(map);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    setWidget(scroll);
    // Direct until the worker says otherwise.
    m_capabilities.perClusterMinMax = true;
    m_capabilities.rebalance = true;
    m_capabilities.weights = true;
    if (api) {
        connect(api->worker(),
                &ApiWorker::engineReady,
                this,
                [this](quint64,
                       Federation::Engine engine,
                       const Federation::Capabilities &capabilities) {
                    m_engine = engine;
                    m_capabilities = capabilities;
                });
    }
    connect(workloads, &QAbstractItemModel::dataChanged, this, &PlacementDock::onWorkloadsChanged);
    connect(workloads, &QAbstractItemModel::rowsInserted, this, &PlacementDock::onWorkloadsChanged);
    connect(workloads, &QAbstractItemModel::modelReset, this, &PlacementDock::onWorkloadsChanged);
}

PlacementDock::~PlacementDock() = default;

bool PlacementDock::editWorkload(const QString &key)
{
    const int row = m_workloads->rowOfKey(key);
    if (row < 0)
        return false;
    m_editor->editWorkload(m_workloads->workloads().at(row), m_engine, m_capabilities);
    show();
    raise();
    return true;
}

void PlacementDock::onWorkloadsChanged()
{
    const int row = m_workloads->rowOfKey(m_editor->workloadKey());
    if (row >= 0)
        m_editor->updateWorkload(m_workloads->workloads().at(row));
}

} // namespace Meridian
