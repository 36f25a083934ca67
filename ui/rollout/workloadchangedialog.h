#pragma once

#include "rollout/rolloutworker.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace Meridian {

// The everyday change to a federated Deployment: a new image for a container, the total
// replicas (divided over the chosen clusters like apply divides them) and environment variables.
class WorkloadChangeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkloadChangeDialog)

public:
    // `images`: the Deployment's containers and their current images.
    WorkloadChangeDialog(const QList<ContainerImage> &images,
                         qint64 totalReplicas,
                         QWidget *parent = nullptr);
    ~WorkloadChangeDialog() override;

    // What the operator asked for; empty parts are left alone.
    Rollout::WorkloadChange change() const;

    QComboBox *containerBox() const { return m_container; }
    QLineEdit *imageEdit() const { return m_image; }
    QCheckBox *replicasCheck() const { return m_setReplicas; }
    QSpinBox *replicasBox() const { return m_replicas; }
    QTableWidget *envTable() const { return m_env; }

private:
    QList<ContainerImage> m_images;
    QComboBox *m_container;
    QLineEdit *m_image;
    QCheckBox *m_setReplicas;
    QSpinBox *m_replicas;
    QTableWidget *m_env;
};

} // namespace Meridian
