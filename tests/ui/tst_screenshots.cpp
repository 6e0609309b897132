// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The window on the demo tenant, in a real X server (Xvfb): stocktake-cli signs in to tenant-sim
// and syncs it, as scripts/demo does; then each page must show the synced rows, and a picture of
// each is saved as main-window-<page>.png (in STOCKTAKE_SCREENSHOT_DIR, else
// <build>/screenshots) for a person to look at.
#include "app/mainwindow.h"
#include "app/profilesession.h"
#include "insights/bundledcatalog.h"
#include "models/searchablemodel.h"
#include "pages/overviewpage.h"
#include "pages/tablepage.h"
#include "secrets/qtkeychainstore.h"
#include "secretservice.h"
#include "temphome.h"
#include "tenantsim.h"
#include "widgets/secureclipboard.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

using namespace stocktake;

class TestScreenshots : public QObject {
    Q_OBJECT

    testing::TempHome m_home;

    /// Runs stocktake-cli in the test's home; true on exit 0.
    bool cli(const QStringList &arguments, QString *err = nullptr)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("STOCKTAKE_HOME"), m_home.path());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(STOCKTAKE_CLI_PATH), arguments);
        if (!process.waitForFinished(300'000))
            return false;
        if (err)
            *err = QString::fromUtf8(process.readAllStandardError());
        return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    static QString screenshotDir()
    {
        QString dir = qEnvironmentVariable("STOCKTAKE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            dir = qEnvironmentVariable("STOCKTAKE_BUILD_DIR") + QStringLiteral("/screenshots");
        QDir().mkpath(dir);
        return dir;
    }

private Q_SLOTS:
    void initTestCase() { STOCKTAKE_REQUIRE_SECRET_SERVICE(); }

    void everyPageOfTheDemoTenant()
    {
        testing::TenantSim sim({QStringLiteral("--users"), QStringLiteral("3000"), QStringLiteral("--seed"),
            QStringLiteral("7"), QStringLiteral("--days"), QStringLiteral("7"), QStringLiteral("--auto-approve"),
            QStringLiteral("--interval"), QStringLiteral("1")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        const QString url = sim.baseUrl().toString();
        QString err;
        QVERIFY2(cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("contoso"),
                         QStringLiteral("--tenant"), QStringLiteral("7f3c0e52-9a4d-4c1b-8e2f-3b6a5d9c1e04"),
                         QStringLiteral("--client-id"), QStringLiteral("5d2a7c1e-0b4f-4e8a-9c3d-6f1b2a8e4d70"),
                         QStringLiteral("--authority"), url, QStringLiteral("--graph"), url},
                     &err),
            qPrintable(err));
        QVERIFY2(cli({QStringLiteral("login"), QStringLiteral("--device-code")}, &err), qPrintable(err));
        QVERIFY2(
            cli({QStringLiteral("sync"), QStringLiteral("--signin-days"), QStringLiteral("8")}, &err), qPrintable(err));

        store::ProfileStore profiles(m_home.path());
        const auto profile = profiles.select({});
        QVERIFY(profile.ok());
        secrets::QtKeychainStore keychain;
        ui::ProfileSession session(profiles, *profile, keychain);
        QSignalSpy opened(&session, &ui::ProfileSession::opened);
        session.open();
        QVERIFY(opened.wait(10'000));
        ui::SecureClipboard clipboard(QApplication::clipboard());
        ui::PageContext context;
        context.connect = session.connectionFactory();
        context.clipboard = &clipboard;
        const auto catalog = insights::loadBundledCatalog();
        QVERIFY(catalog.ok());
        context.catalog = *catalog;
        ui::MainWindow window(&session, context, nullptr);
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const QString dir = screenshotDir();
        auto *overview = window.findChild<ui::OverviewPage *>();
        QVERIFY(overview);
        QTRY_VERIFY_WITH_TIMEOUT(overview->cardText(QStringLiteral("lastSyncCard")) != QStringLiteral("–"), 10'000);
        QTest::qWait(500);
        QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("main-window-overview.png"))));

        const QStringList pages {
            QStringLiteral("applicationsPage"), QStringLiteral("licensesPage"), QStringLiteral("usersPage")};
        const QStringList files {QStringLiteral("applications"), QStringLiteral("licenses"), QStringLiteral("users")};
        for (int i = 0; i < pages.size(); ++i) {
            window.showPage(i + 1);
            auto *page = window.findChild<ui::TablePage *>(pages.at(i));
            QVERIFY(page);
            QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0, 10'000);
            QTest::qWait(500);
            QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("main-window-%1.png").arg(files.at(i)))));
        }
        auto *users = window.findChild<ui::TablePage *>(QStringLiteral("usersPage"));
        QFile truthFile(sim.truthPath());
        QVERIFY(truthFile.open(QIODevice::ReadOnly));
        const qint64 live = QJsonDocument::fromJson(truthFile.readAll())
                                .object()
                                .value(QStringLiteral("counts"))
                                .toObject()
                                .value(QStringLiteral("users"))
                                .toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(qint64(users->model()->rowCount()), live, 10'000);
        qInfo("screenshots in %s", qPrintable(QDir::toNativeSeparators(dir)));
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
