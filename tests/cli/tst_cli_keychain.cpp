// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../store/storetesting.h"
#include "clirunner.h"
#include "secrets/qtkeychainstore.h"
#include "secretservice.h"
#include "store/database.h"
#include "store/profilekeys.h"
#include "temphome.h"

#include <QDir>
#include <QTest>

#include <optional>

using namespace stocktake;
using testing::runCli;

namespace {

/// The entry names (`user` attribute) of every Stocktake item in the keychain.
QStringList keychainEntries()
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
        {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"), QStringLiteral("Stocktake")});
    tool.waitForFinished(10000);
    QStringList users;
    const QString text = QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
    for (const QString &line : text.split(u'\n')) {
        if (line.startsWith(QStringLiteral("attribute.user = ")))
            users.append(line.mid(17).trimmed());
    }
    return users;
}

secrets::SecretBytes keychainKey(const QString &entry)
{
    secrets::QtKeychainStore store;
    std::optional<core::Result<secrets::SecretBytes>> key;
    store.read(entry, [&](core::Result<secrets::SecretBytes> r) { key.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return key.has_value(); }, 20000);
    return key && key->ok() ? std::move(key->value()) : secrets::SecretBytes();
}

const QHash<QString, QString> kNoBus {
    {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/stocktake-bus")}};

}  // namespace

/// Keychain profiles through stocktake-cli against a real gnome-keyring (SECURITY B1–B3, C7).
class TestCliKeychain : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<testing::TempHome> m_home;
    QString home() const { return m_home->path(); }

    QString add(const QString &name)
    {
        const auto run = runCli(home(),
            {QStringLiteral("profile"), QStringLiteral("add"), name, QStringLiteral("--tenant"),
                QStringLiteral("contoso.com")});
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.err));
        return testing::profileId(home(), name);
    }

private Q_SLOTS:
    void initTestCase() { STOCKTAKE_REQUIRE_SECRET_SERVICE(); }
    void init() { m_home = std::make_unique<testing::TempHome>(); }
    void cleanup() { m_home.reset(); }

    void keychainProfileKeepsItsKeyOnlyInTheKeychain()
    {
        const QString id = add(QStringLiteral("acme"));
        QVERIFY(!id.isEmpty());
        QVERIFY(keychainEntries().contains(id + QStringLiteral("/database-key")));
        const QString db = home() + QStringLiteral("/profiles/") + id + QStringLiteral("/stocktake.db");
        const secrets::SecretBytes key = keychainKey(id + QStringLiteral("/database-key"));
        QCOMPARE(key.size(), std::size_t(32));
        // Nothing beside the database holds the key.
        const QByteArray hex(reinterpret_cast<const char *>(key.toHex().data()), 64);
        const QByteArray raw(reinterpret_cast<const char *>(key.data()), 32);
        for (const QString &file : QDir(home()).entryList(QDir::Files)
                + QStringList {QStringLiteral("profiles/") + id + QStringLiteral("/stocktake.db")}) {
            QFile f(home() + u'/' + file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY(!bytes.contains(hex) && !bytes.contains(raw));
        }
        const auto status = runCli(home(), {QStringLiteral("status")});
        QCOMPARE(status.exitCode, 0);
        QVERIFY(status.out.contains(QStringLiteral("key storage: keychain")));
        QVERIFY(db.size() > 0);
    }

    void twoProfilesNeverShareAKey()
    {
        const QString first = add(QStringLiteral("first"));
        const QString second = add(QStringLiteral("second"));
        QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
        const secrets::SecretBytes a = keychainKey(first + QStringLiteral("/database-key"));
        const secrets::SecretBytes b = keychainKey(second + QStringLiteral("/database-key"));
        QCOMPARE(a.size(), std::size_t(32));
        QCOMPARE(b.size(), std::size_t(32));
        QVERIFY(!a.equals(b.view()));
        // Each opens only its own database.
        const QString dbA = home() + QStringLiteral("/profiles/") + first + QStringLiteral("/stocktake.db");
        QCOMPARE(store::Database::open(dbA, b).error().code, QStringLiteral("store.wrong_key"));
        QVERIFY(store::Database::open(dbA, a).ok());
    }

    void missingKeychainFailsAndLeavesTheFile()
    {
        const QString id = add(QStringLiteral("acme"));
        const QString db = home() + QStringLiteral("/profiles/") + id + QStringLiteral("/stocktake.db");
        const auto before = testing::FileFingerprint::of(db);
        QTest::qWait(20);
        const auto run = runCli(home(), {QStringLiteral("status")}, {}, kNoBus);
        QCOMPARE(run.exitCode, 5);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY(run.err.contains(QStringLiteral("keychain")));
        QCOMPARE(testing::FileFingerprint::of(db), before);
    }

    void rekeyReplacesTheKeyAndTheOldOneFails()
    {
        const QString id = add(QStringLiteral("acme"));
        const QString db = home() + QStringLiteral("/profiles/") + id + QStringLiteral("/stocktake.db");
        const secrets::SecretBytes oldKey = keychainKey(id + QStringLiteral("/database-key"));
        const auto run = runCli(home(), {QStringLiteral("db"), QStringLiteral("rekey")});
        QCOMPARE(run.exitCode, 0);
        const secrets::SecretBytes newKey = keychainKey(id + QStringLiteral("/database-key"));
        QVERIFY(!newKey.equals(oldKey.view()));
        QVERIFY(!keychainEntries().contains(id + QStringLiteral("/database-key.pending")));
        QCOMPARE(store::Database::open(db, oldKey).error().code, QStringLiteral("store.wrong_key"));
        QVERIFY(store::Database::open(db, newKey).ok());
    }

    void rekeyInterruptedAfterThePragmaRecoversOnNextOpen()
    {
        const QString id = add(QStringLiteral("acme"));
        const QString db = home() + QStringLiteral("/profiles/") + id + QStringLiteral("/stocktake.db");
        // The state after step 2 of ProfileKeys::rekey: the file is under the pending key, the
        // current entry still holds the old one.
        const secrets::SecretBytes fresh = secrets::SecretBytes::random(32);
        {
            secrets::QtKeychainStore store;
            std::optional<core::Status> written;
            store.write(id + QStringLiteral("/database-key.pending"), fresh, [&](core::Status s) { written = s; });
            QVERIFY(QTest::qWaitFor([&] { return written.has_value(); }, 20000));
            QVERIFY(written->ok());
            auto open = store::Database::open(db, keychainKey(id + QStringLiteral("/database-key")));
            QVERIFY(open.ok());
            QVERIFY((*open)->rekey(fresh).ok());
        }
        const auto run = runCli(home(), {QStringLiteral("db"), QStringLiteral("check")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(keychainKey(id + QStringLiteral("/database-key")).equals(fresh.view()));
        QVERIFY(!keychainEntries().contains(id + QStringLiteral("/database-key.pending")));
    }

    void removeShredsKeysThenTokensThenFiles()
    {
        const QString id = add(QStringLiteral("acme"));
        QVERIFY(
            runCli(home(), {QStringLiteral("db"), QStringLiteral("backup"), home() + QStringLiteral("/b.db")}).exitCode
            == 0);
        {
            // A refresh token as the auth module stores it.
            secrets::QtKeychainStore store;
            std::optional<core::Status> written;
            store.write(store::ProfileKeys::refreshTokenEntry(id), secrets::SecretBytes::random(3000),
                [&](core::Status s) { written = s; });
            QVERIFY(QTest::qWaitFor([&] { return written.has_value(); }, 20000));
        }
        QVERIFY(keychainEntries().filter(id).size() >= 3);
        const auto run = runCli(home(),
            {QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("acme"), QStringLiteral("--yes")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(keychainEntries().filter(id), QStringList());
        QVERIFY(!QFileInfo::exists(home() + QStringLiteral("/profiles/") + id));
        QCOMPARE(testing::profileId(home(), QStringLiteral("acme")), QString());
    }

    void removalKilledAfterTheKeyStepIsFinishedLater()
    {
        const QString id = add(QStringLiteral("acme"));
        const QString db = home() + QStringLiteral("/profiles/") + id + QStringLiteral("/stocktake.db");
        // Step 0 and 1 of `profile remove`, as a SIGKILL right after them leaves things.
        QFile json(home() + QStringLiteral("/profiles.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QByteArray text = json.readAll();
        json.close();
        text.replace("\"keyStorage\": \"keychain\"", "\"keyStorage\": \"keychain\", \"removing\": true");
        QVERIFY(json.open(QIODevice::WriteOnly | QIODevice::Truncate));
        json.write(text);
        json.close();
        {
            secrets::QtKeychainStore store;
            std::optional<core::Status> removed;
            store.remove(store::ProfileKeys::databaseKeyEntry(id), [&](core::Status s) { removed = s; });
            QVERIFY(QTest::qWaitFor([&] { return removed.has_value(); }, 20000));
        }
        QVERIFY(QFileInfo::exists(db));
        QVERIFY(!keychainEntries().contains(id + QStringLiteral("/database-key")));

        const auto run = runCli(home(), {QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QString());
        QVERIFY(!QFileInfo::exists(db));
        QCOMPARE(keychainEntries().filter(id), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestCliKeychain)
#include "tst_cli_keychain.moc"
