#include "workloadchangedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Meridian {

WorkloadChangeDialog::WorkloadChangeDialog(const QList<ContainerImage> &images,
                                           qint64 totalReplicas,
                                           QWidget *parent)
    : QDialog(parent)
    , m_images(images)
    , m_container(new QComboBox(this))
    , m_image(new QLineEdit(this))
    , m_setReplicas(new QCheckBox(tr("Total replicas:"), this))
    , m_replicas(new QSpinBox(this))
    , m_env(new QTableWidget(0, 2, this))
{
    setWindowTitle(tr("Change Workload"));
    for (const ContainerImage &i : images)
        m_container->addItem(i.container);
    auto showImage = [this](int index) {
        m_image->setText(index >= 0 && index < m_images.size() ? m_images.at(index).image
                                                               : QString());
    };
    connect(m_container, &QComboBox::currentIndexChanged, this, showImage);
    showImage(m_container->currentIndex());
    m_replicas->setRange(0, 100000);
    m_replicas->setValue(static_cast<int>(totalReplicas));
    m_replicas->setEnabled(false);
    m_replicas->setToolTip(tr("Divided over the chosen clusters by the deployment-preferences "
                              "annotation (or evenly)."));
    connect(m_setReplicas, &QCheckBox::toggled, m_replicas, &QWidget::setEnabled);
    m_env->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_env->horizontalHeader()->setStretchLastSection(true);
    m_env->verticalHeader()->hide();
    auto *add = new QPushButton(tr("Add Variable"), this);
    auto *remove = new QPushButton(tr("Remove Variable"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_env->rowCount();
        m_env->insertRow(row);
        m_env->setItem(row, 0, new QTableWidgetItem);
        m_env->setItem(row, 1, new QTableWidgetItem);
        m_env->editItem(m_env->item(row, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_env->currentRow() >= 0)
            m_env->removeRow(m_env->currentRow());
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Container:"), m_container);
    form->addRow(tr("Image:"), m_image);
    form->addRow(m_setReplicas, m_replicas);
    auto *envButtons = new QHBoxLayout;
    envButtons->addWidget(add);
    envButtons->addWidget(remove);
    envButtons->addStretch();
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->button(QDialogButtonBox::Ok)->setText(tr("Apply"));
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_env);
    layout->addLayout(envButtons);
    layout->addWidget(box);
}

WorkloadChangeDialog::~WorkloadChangeDialog() = default;

Rollout::WorkloadChange WorkloadChangeDialog::change() const
{
    Rollout::WorkloadChange change;
    const QString container = m_container->currentText();
    const QString image = m_image->text().trimmed();
    if (!container.isEmpty() && !image.isEmpty())
        change.images.append({container, image});
    if (m_setReplicas->isChecked())
        change.totalReplicas = m_replicas->value();
    for (int row = 0; row < m_env->rowCount(); ++row) {
        const QString name
                = m_env->item(row, 0) ? m_env->item(row, 0)->text().trimmed() : QString();
        if (name.isEmpty())
            continue;
        change.env.append(
                {container, name, m_env->item(row, 1) ? m_env->item(row, 1)->text() : QString()});
    }
    return change;
}

} // namespace Meridian
