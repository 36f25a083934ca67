// Settings: what the dialog lists, how it validates, what it saves and what applying changes.
#include "core/geo/locationresolver.h"
#include "models/clustermodel.h"
#include "ui/mainwindow.h"
#include "ui/map/worldmapview.h"
#include "ui/settings/consolesettings.h"
#include "ui/settings/settingsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;

namespace {

QByteArray kubeconfig(const QStringList &contexts)
{
    QByteArray yaml = "apiVersion: v1\nkind: Config\nclusters:\n";
    for (const QString &c : contexts)
        yaml += "- name: " + c.toUtf8() + "\n  cluster: {server: https://127.0.0.1:1}\n";
    yaml += "users:\n- name: u\n  user: {token: t}\ncontexts:\n";
    for (const QString &c : contexts)
        yaml += "- name: " + c.toUtf8() + "\n  context: {cluster: " + c.toUtf8() + ", user: u}\n";
    yaml += "current-context: " + contexts.first().toUtf8() + "\n";
    return yaml;
}

int rowOf(QTableWidget *table, const QString &context)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text() == context)
            return row;
    return -1;
}

} // namespace

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("MeridianTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settingsdialog"));
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("config"));
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kubeconfig({QStringLiteral("tokyo"),
                            QStringLiteral("london"),
                            QStringLiteral("karmada-apiserver")}));
    }

    void init() { QSettings().clear(); }

    void listsTheKubeconfigsContextsAndKeepsTheOperatorsChoice()
    {
        // Given: settings naming the file, every context enabled
        ConsoleSettings s;
        s.kubeconfigFiles = {m_file};
        SettingsDialog dialog(s, {});
        auto *contexts = dialog.findChild<QListWidget *>(QStringLiteral("enabledContexts"));
        QVERIFY(contexts);
        QCOMPARE(dialog.kubeconfigContexts(),
                 (QStringList{QStringLiteral("tokyo"),
                              QStringLiteral("london"),
                              QStringLiteral("karmada-apiserver")}));
        for (int i = 0; i < contexts->count(); ++i)
            QCOMPARE(contexts->item(i)->checkState(), Qt::Checked);
        // All ticked is stored as "all"
        QVERIFY(dialog.settings().enabledContexts.isEmpty());

        // When: the operator unticks london
        contexts->item(1)->setCheckState(Qt::Unchecked);

        // Then: the others are the enabled ones, and the request asks for them
        const ConsoleSettings chosen = dialog.settings();
        QCOMPARE(chosen.enabledContexts,
                 (QStringList{QStringLiteral("tokyo"), QStringLiteral("karmada-apiserver")}));
        QCOMPARE(chosen.request().contexts, chosen.enabledContexts);
        QCOMPARE(chosen.request().load.kubeconfigEnv.value_or(QString()), m_file);
        QVERIFY(!chosen.sameConnection(s));

        // When: the operator types a location, then removes the only kubeconfig file
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("locationOverrides"));
        table->item(rowOf(table, QStringLiteral("tokyo")), 1)->setText(QStringLiteral("35,139"));
        auto *files = dialog.findChild<QListWidget *>(QStringLiteral("kubeconfigFiles"));
        files->item(0)->setSelected(true);
        auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removeKubeconfig"));
        QVERIFY(remove && remove->isEnabled());
        remove->click();

        // Then: the list is empty (kubectl's defaults apply), the status says what was read or
        // why not, and the typed location is still there
        QCOMPARE(files->count(), 0);
        QVERIFY(dialog.settings().kubeconfigFiles.isEmpty());
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("kubeconfigStatus"))->text().isEmpty());
        QCOMPARE(table->item(rowOf(table, QStringLiteral("tokyo")), 1)->text(),
                 QStringLiteral("35,139"));
        QCOMPARE(dialog.settings().locations.value(QStringLiteral("tokyo")),
                 QStringLiteral("35,139"));
    }

    void aBadLocationSaysWhichClusterAndWhatIsWrong_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("says");
        QTest::newRow("one number") << "35.68"
                                    << "is not “latitude,longitude”";
        QTest::newRow("three numbers") << "1,2,3"
                                       << "is not “latitude,longitude”";
        QTest::newRow("latitude not a number") << "north,139"
                                               << "latitude “north” is not a number";
        QTest::newRow("longitude not a number") << "35,east"
                                                << "longitude “east” is not a number";
        QTest::newRow("latitude out of range") << "91,10"
                                               << "latitude 91 is outside −90…90";
        QTest::newRow("longitude out of range") << "10,200"
                                                << "longitude 200 is outside −180…180";
    }

    void aBadLocationSaysWhichClusterAndWhatIsWrong()
    {
        QFETCH(QString, typed);
        QFETCH(QString, says);
        // Given: the dialog, with london's location typed wrong
        ConsoleSettings s;
        s.kubeconfigFiles = {m_file};
        SettingsDialog dialog(s, {QStringLiteral("osaka")});
        QSignalSpy applied(&dialog, &SettingsDialog::applied);
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("locationOverrides"));
        QVERIFY(table);
        QVERIFY(rowOf(table, QStringLiteral("osaka")) >= 0); // a known cluster, not in the file
        const int row = rowOf(table, QStringLiteral("london"));
        QVERIFY(row >= 0);
        table->item(row, 1)->setText(typed);

        // When: the operator applies
        QVERIFY(!dialog.apply());

        // Then: nothing is applied; the message names london and the mistake; the typed text is
        // still there, with the focus on it
        QCOMPARE(applied.size(), 0);
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("settingsError"));
        QVERIFY(error && !error->isHidden());
        QVERIFY2(error->text().contains(QStringLiteral("“london”")), qPrintable(error->text()));
        QVERIFY2(error->text().contains(says), qPrintable(error->text()));
        QCOMPARE(table->item(row, 1)->text(), typed);
        QCOMPARE(table->currentRow(), row);
        QCOMPARE(dialog.findChild<QTabWidget *>()->currentIndex(), 1);
        // And the validator agrees with the map's parser on what is a location
        QVERIFY(!Geo::LocationResolver::parseLatLon(typed));

        // When: it is corrected
        table->item(row, 1)->setText(QStringLiteral(" 51.51, -0.13 "));
        QVERIFY(dialog.apply());
        QCOMPARE(applied.size(), 1);
        const auto chosen = applied.first().first().value<ConsoleSettings>();
        QCOMPARE(chosen.locations.value(QStringLiteral("london")), QStringLiteral("51.51, -0.13"));
        QVERIFY(error->isHidden());
    }

    void karmadaNeedsItsControlPlane()
    {
        ConsoleSettings s;
        s.kubeconfigFiles = {m_file};
        SettingsDialog dialog(s, {});
        dialog.findChildren<QRadioButton *>().at(1)->setChecked(true);
        auto *controlPlane = dialog.findChild<QComboBox *>(QStringLiteral("karmadaContext"));
        // The obvious candidate is offered
        QCOMPARE(controlPlane->currentText(), QStringLiteral("karmada-apiserver"));
        controlPlane->setCurrentText(QString());
        QVERIFY(dialog.validationError().contains(QStringLiteral("control plane")));
        controlPlane->setCurrentText(QStringLiteral("karmada-apiserver"));
        QVERIFY(dialog.validationError().isEmpty());
        const ConsoleSettings chosen = dialog.settings();
        QCOMPARE(chosen.engine, Federation::Engine::Karmada);
        QCOMPARE(chosen.request().engine, Federation::Engine::Karmada);
        QCOMPARE(chosen.request().contexts, QStringList{QStringLiteral("karmada-apiserver")});
    }

    void savedAndLoadedWithQSettings()
    {
        ConsoleSettings s;
        s.kubeconfigFiles = {m_file, QStringLiteral("/tmp/other")};
        s.enabledContexts = {QStringLiteral("tokyo")};
        s.engine = Federation::Engine::Karmada;
        s.karmadaContext = QStringLiteral("karmada-apiserver");
        s.theme = ThemeChoice::Dark;
        s.language = QStringLiteral("ja");
        s.locations = {{QStringLiteral("tokyo"), QStringLiteral("35.68,139.69")}};
        s.save();
        QCOMPARE(ConsoleSettings::load(), s);
        // The theme of older versions (map/dark) is read when there is no theme yet
        QSettings().clear();
        QSettings().setValue(QStringLiteral("map/dark"), true);
        QCOMPARE(ConsoleSettings::load().theme, ThemeChoice::Dark);
    }

    void applyingPlacesClustersAndSwitchesTheTheme()
    {
        // Given: a window showing one cluster the map cannot place
        ApiThread api;
        MainWindow window(&api);
        ClusterStatus c;
        c.context = QStringLiteral("on-prem");
        c.name = c.context;
        c.state = ClusterState::Ready;
        window.clusterModel()->setClusters({c});
        QCOMPARE(window.mapView()->unplacedContexts(), QStringList{c.context});

        // When: settings give it a location and the dark theme
        ConsoleSettings s = window.settings();
        s.locations.insert(c.context, QStringLiteral("48.14,11.58"));
        s.theme = ThemeChoice::Dark;
        window.applySettings(s);

        // Then: it is on the map at the operator's location, the theme is dark, and both are saved
        const Geo::ResolvedLocation where = window.mapView()->locationOf(c.context);
        QCOMPARE(where.source, Geo::LocationSource::Override);
        QCOMPARE(where.location.lat, 48.14);
        QVERIFY(window.mapView()->unplacedContexts().isEmpty());
        QCOMPARE(window.mapView()->theme(), WorldMapView::Theme::Dark);
        QVERIFY(qApp->palette().color(QPalette::Window).lightness() < 128);
        QCOMPARE(ConsoleSettings::load().locations.value(c.context), QStringLiteral("48.14,11.58"));

        // And: back to light
        s.theme = ThemeChoice::Light;
        window.applySettings(s);
        QCOMPARE(window.mapView()->theme(), WorldMapView::Theme::Light);
        QVERIFY(qApp->palette().color(QPalette::Window).lightness() >= 128);
    }

private:
    QTemporaryDir m_dir;
    QString m_file;
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
