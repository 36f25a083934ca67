#pragma once

#include "federation/backend.h"

#include <QDockWidget>

namespace Meridian {

class ApiThread;
class PlacementEditor;
class WorkloadModel;
class WorldMapView;

// The placement editor as a dock of the main window: follows the engine the worker reports and
// the workload model's updates for the workload being edited.
class PlacementDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlacementDock)

public:
    PlacementDock(ApiThread *api,
                  WorkloadModel *workloads,
                  WorldMapView *map,
                  QWidget *parent = nullptr);
    ~PlacementDock() override;

    PlacementEditor *editor() const { return m_editor; }
    // Opens the editor on a workload ("namespace/name"); false when the model has no such row.
    bool editWorkload(const QString &key);

private:
    void onWorkloadsChanged();

    PlacementEditor *m_editor;
    WorkloadModel *m_workloads;
    Federation::Engine m_engine = Federation::Engine::Direct;
    Federation::Capabilities m_capabilities;
};

} // namespace Meridian
