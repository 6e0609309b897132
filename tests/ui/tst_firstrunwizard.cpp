// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The first-run wizard through the real code path, on real widgets: it creates a keychain
// profile (gnome-keyring) with an encrypted database, signs in to tenant-sim with the device
// code (OIDC discovery, device authorization, polling), and runs the first sync over loopback
// HTTP. Then the window opens on what was synced.
#include "app/firstrunwizard.h"
#include "app/profilesession.h"
#include "core/clock.h"
#include "secrets/qtkeychainstore.h"
#include "secretservice.h"
#include "store/database.h"
#include "temphome.h"
#include "tenantsim.h"

#include <QAbstractButton>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSqlQuery>
#include <QTest>

using namespace stocktake;

namespace {

const QString kSimTenant = QStringLiteral("7f3c0e52-9a4d-4c1b-8e2f-3b6a5d9c1e04");
const QString kSimClient = QStringLiteral("5d2a7c1e-0b4f-4e8a-9c3d-6f1b2a8e4d70");

store::Profile simProfile(const testing::TenantSim &sim, const QString &name)
{
    store::Profile p;
    p.name = name;
    p.tenant = kSimTenant;
    p.clientId = kSimClient;
    p.authority = sim.baseUrl().toString();
    p.graphRoot = sim.baseUrl().toString();
    return p;
}

}  // namespace

class TestFirstRunWizard : public QObject {
    Q_OBJECT

    testing::TempHome m_home;
    core::SystemClock m_clock;
    secrets::QtKeychainStore m_keychain;

private Q_SLOTS:
    void initTestCase() { STOCKTAKE_REQUIRE_SECRET_SERVICE(); }

    void refusesABadTenantAndCreatesNothing()
    {
        testing::TenantSim sim;
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        store::ProfileStore profiles(m_home.path());
        ui::FirstRunWizard wizard(profiles, m_keychain, m_clock);
        store::Profile bad = simProfile(sim, QStringLiteral("bad"));
        bad.tenant = QStringLiteral("not a tenant");
        wizard.prefill(bad);
        wizard.show();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ui::FirstRunWizard::TenantPageId));
        auto *message = wizard.findChild<QLabel *>(QStringLiteral("tenantMessageLabel"));
        QVERIFY(message);
        QVERIFY2(message->text().contains(QStringLiteral("GUID")), qPrintable(message->text()));
        QVERIFY(!wizard.createdProfile());
        QCOMPARE(profiles.list()->size(), 0);
    }

    void signsInWithTheDeviceCodeAndSyncs()
    {
        testing::TenantSim sim({QStringLiteral("--users"), QStringLiteral("400"), QStringLiteral("--auto-approve"),
            QStringLiteral("--interval"), QStringLiteral("1")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        store::ProfileStore profiles(m_home.path());
        ui::FirstRunWizard wizard(profiles, m_keychain, m_clock);
        wizard.prefill(simProfile(sim, QStringLiteral("contoso")));
        wizard.show();

        // 1. The profile: key in the keychain, database on disk, entry in profiles.json.
        wizard.next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ui::FirstRunWizard::SignInPageId), 20'000);
        QVERIFY(wizard.createdProfile());
        const auto listed = profiles.list();
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 1);
        QVERIFY(QFile::exists(profiles.databasePath(listed->constFirst())));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());  // not signed in yet

        // 2. The device code, shown large, then approved by the sim.
        auto *start = wizard.findChild<QPushButton *>(QStringLiteral("signInPushButton"));
        QVERIFY(start);
        QTest::mouseClick(start, Qt::LeftButton);
        auto *code = wizard.findChild<QLabel *>(QStringLiteral("userCodeLabel"));
        QVERIFY(code);
        QTRY_VERIFY_WITH_TIMEOUT(!code->text().isEmpty(), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ui::FirstRunWizard::SyncPageId), 30'000);

        // 3. The first sync, to the end.
        QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::FinishButton)->isEnabled(), 120'000);
        auto *entities = wizard.findChild<QListWidget *>(QStringLiteral("firstSyncEntityList"));
        QVERIFY(entities && entities->count() > 0);
        QStringList lines;
        for (int i = 0; i < entities->count(); ++i)
            lines << entities->item(i)->text();
        QVERIFY2(lines.join(u'\n').contains(QStringLiteral("users")), qPrintable(lines.join(u'\n')));

        std::unique_ptr<ui::ProfileSession> session = wizard.takeSession();
        QVERIFY(session && session->isOpen());
        auto db = session->connectionFactory()();
        QVERIFY(db.ok());
        QSqlQuery count((*db)->sql());
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM users")) && count.next());
        QFile truthFile(sim.truthPath());
        QVERIFY(truthFile.open(QIODevice::ReadOnly));
        const QJsonObject truth = QJsonDocument::fromJson(truthFile.readAll()).object();
        QCOMPARE(count.value(0).toLongLong(),
            truth.value(QStringLiteral("counts")).toObject().value(QStringLiteral("users")).toInteger());
        QTRY_VERIFY_WITH_TIMEOUT(profiles.list()->constFirst().lastSync.isValid(), 5'000);
    }
};

QTEST_MAIN(TestFirstRunWizard)
#include "tst_firstrunwizard.moc"
