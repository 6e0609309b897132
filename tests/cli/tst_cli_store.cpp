// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../store/storetesting.h"
#include "clirunner.h"
#include "secrets/passphrasekeystore.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/profilekeys.h"
#include "temphome.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <optional>

using namespace stocktake;
using testing::runCli;

namespace {

const QByteArray kPassphrase("correct horse battery staple\n");

secrets::SecretBytes passphrase()
{
    return secrets::SecretBytes::copyOf(QByteArrayView(kPassphrase).chopped(1));
}

}  // namespace

/// The store commands of stocktake-cli, run as a child process on passphrase profiles (no
/// keychain needed): words, exit codes and the one-line rule of CLI.md, and files left alone.
class TestCliStore : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<testing::TempHome> m_home;

    QString home() const { return m_home->path(); }
    QString databaseOf(const QString &name) const
    {
        return home() + QStringLiteral("/profiles/") + testing::profileId(home(), name)
            + QStringLiteral("/stocktake.db");
    }
    QString vaultOf(const QString &name) const
    {
        return home() + QStringLiteral("/profiles/") + testing::profileId(home(), name) + QStringLiteral("/keys.vault");
    }

    bool addPassphraseProfile(const QString &name)
    {
        const auto run = runCli(home(),
            {QStringLiteral("--passphrase-stdin"), QStringLiteral("profile"), QStringLiteral("add"), name,
                QStringLiteral("--tenant"), QStringLiteral("contoso.com"), QStringLiteral("--key-storage"),
                QStringLiteral("passphrase")},
            kPassphrase);
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.err));
        return run.exitCode == 0;
    }

    /// The profile's database key, read from its vault as the CLI does.
    secrets::SecretBytes databaseKey(const QString &name)
    {
        secrets::PassphraseKeyStore vault(vaultOf(name), passphrase());
        std::optional<core::Result<secrets::SecretBytes>> key;
        vault.read(store::ProfileKeys::databaseKeyEntry(testing::profileId(home(), name)),
            [&](core::Result<secrets::SecretBytes> r) { key.emplace(std::move(r)); });
        (void)QTest::qWaitFor([&] { return key.has_value(); }, 20000);
        return key && key->ok() ? std::move(key->value()) : secrets::SecretBytes();
    }

    void setDatabaseKey(const QString &name, const secrets::SecretBytes &value)
    {
        secrets::PassphraseKeyStore vault(vaultOf(name), passphrase());
        std::optional<core::Status> done;
        vault.write(store::ProfileKeys::databaseKeyEntry(testing::profileId(home(), name)), value,
            [&](core::Status s) { done = std::move(s); });
        (void)QTest::qWaitFor([&] { return done.has_value(); }, 20000);
    }

    QStringList args(std::initializer_list<const char *> words) const
    {
        QStringList out {QStringLiteral("--passphrase-stdin")};
        for (const char *w : words)
            out.append(QString::fromUtf8(w));
        return out;
    }

private Q_SLOTS:
    void init() { m_home = std::make_unique<testing::TempHome>(); }
    void cleanup() { m_home.reset(); }

    void rejectsBadProfileArgumentsBeforeAnythingElse_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QStringList base {QStringLiteral("profile"), QStringLiteral("add")};
        QTest::newRow("bad name") << base
                + QStringList {
                    QStringLiteral("no spaces allowed"), QStringLiteral("--tenant"), QStringLiteral("contoso.com")};
        QTest::newRow("no tenant") << base + QStringList {QStringLiteral("acme")};
        QTest::newRow("bad tenant") << base
                + QStringList {QStringLiteral("acme"), QStringLiteral("--tenant"), QStringLiteral("not a tenant")};
        QTest::newRow("bad client id") << base
                + QStringList {QStringLiteral("acme"), QStringLiteral("--tenant"), QStringLiteral("contoso.com"),
                    QStringLiteral("--client-id"), QStringLiteral("abc")};
        QTest::newRow("http authority") << base
                + QStringList {QStringLiteral("acme"), QStringLiteral("--tenant"), QStringLiteral("contoso.com"),
                    QStringLiteral("--authority"), QStringLiteral("http://example.test")};
        QTest::newRow("ftp graph") << base
                + QStringList {QStringLiteral("acme"), QStringLiteral("--tenant"), QStringLiteral("contoso.com"),
                    QStringLiteral("--graph"), QStringLiteral("ftp://127.0.0.1/")};
        QTest::newRow("key storage") << base
                + QStringList {QStringLiteral("acme"), QStringLiteral("--tenant"), QStringLiteral("contoso.com"),
                    QStringLiteral("--key-storage"), QStringLiteral("file")};
        QTest::newRow("passphrase without stdin") << base
                + QStringList {QStringLiteral("acme"), QStringLiteral("--tenant"), QStringLiteral("contoso.com"),
                    QStringLiteral("--key-storage"), QStringLiteral("passphrase")};
        QTest::newRow("remove without yes")
            << QStringList {QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("acme")};
        QTest::newRow("unknown verb") << QStringList {QStringLiteral("db"), QStringLiteral("vacuum")};
    }

    void rejectsBadProfileArgumentsBeforeAnythingElse()
    {
        QFETCH(QStringList, arguments);
        const auto run = runCli(home(), arguments);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY(!QFileInfo::exists(home() + QStringLiteral("/profiles.json")));
        QVERIFY(!QFileInfo::exists(home() + QStringLiteral("/profiles")));
    }

    void acceptsLoopbackHttpEndpoints()
    {
        const auto run = runCli(home(),
            args({"profile", "add", "sim", "--tenant", "11111111-2222-3333-4444-555555555555", "--authority",
                "http://127.0.0.1:8443", "--graph", "http://[::1]:9000/", "--client-id",
                "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "--key-storage", "passphrase"}),
            kPassphrase);
        QCOMPARE(run.exitCode, 0);
        QFile file(home() + QStringLiteral("/profiles.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY(json.contains("http://127.0.0.1:8443"));
        QVERIFY(json.contains("http://[::1]:9000\""));
        QVERIFY(json.contains("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"));
    }

    void passphraseProfileLivesItsWholeLife()
    {
        QVERIFY(addPassphraseProfile(QStringLiteral("acme")));
        const QString db = databaseOf(QStringLiteral("acme"));
        QVERIFY(QFileInfo::exists(db));
        const auto mask = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther
            | QFile::ExeOther;
        QCOMPARE(QFile::permissions(db) & mask, QFile::Permissions());
        QCOMPARE(QFile::permissions(QFileInfo(db).absolutePath()) & mask, QFile::Permissions());
        QCOMPARE(QFile::permissions(home()) & mask, QFile::Permissions());
        QCOMPARE(QFile::permissions(home() + QStringLiteral("/profiles.json")) & mask, QFile::Permissions());

        auto run = runCli(home(), {QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("acme\tcontoso.com\tnever\n"));

        run = runCli(home(), args({"status", "--format", "json"}), kPassphrase);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject status = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(status.value(QStringLiteral("keyStorage")).toString(), QStringLiteral("passphrase"));
        QCOMPARE(status.value(QStringLiteral("schemaVersion")).toInt(), store::Migrations::latestVersion());
        QCOMPARE(status.value(QStringLiteral("database")).toString(), db);
        QCOMPARE(status.value(QStringLiteral("tables")).toObject().value(QStringLiteral("users")).toInt(), 0);

        run = runCli(home(), args({"db", "check"}), kPassphrase);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QStringLiteral("ok:")));

        const QString backup = home() + QStringLiteral("/acme-backup.db");
        run = runCli(home(), args({"db", "backup"}) << backup, kPassphrase);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QFile::permissions(backup) & mask, QFile::Permissions());
        QFile raw(backup);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().contains("SQLite format 3"));
        run = runCli(home(), args({"db", "check"}) << backup, kPassphrase);
        QCOMPARE(run.exitCode, 0);
        run = runCli(home(), args({"db", "backup"}) << backup, kPassphrase);
        QCOMPARE(run.exitCode, 1);  // never overwrites

        const secrets::SecretBytes oldKey = databaseKey(QStringLiteral("acme"));
        QCOMPARE(oldKey.size(), std::size_t(32));
        run = runCli(home(), args({"db", "rekey"}), kPassphrase);
        QCOMPARE(run.exitCode, 0);
        const secrets::SecretBytes newKey = databaseKey(QStringLiteral("acme"));
        QVERIFY(!newKey.equals(oldKey.view()));
        QCOMPARE(store::Database::open(db, oldKey).error().code, QStringLiteral("store.wrong_key"));
        QVERIFY(store::Database::open(db, newKey).ok());
        // The backup keeps opening after the rekey: it has its own key.
        run = runCli(home(), args({"db", "check"}) << backup, kPassphrase);
        QCOMPARE(run.exitCode, 0);

        run = runCli(home(),
            {QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("acme"), QStringLiteral("--yes")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!QFileInfo::exists(db));
        QVERIFY(!QFileInfo::exists(QFileInfo(db).absolutePath()));
        run = runCli(home(), {QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(run.out, QString());
    }

    void wrongPassphraseFailsInOneLineAndLeavesTheFile()
    {
        QVERIFY(addPassphraseProfile(QStringLiteral("acme")));
        const QString db = databaseOf(QStringLiteral("acme"));
        const auto before = testing::FileFingerprint::of(db);
        QTest::qWait(20);
        const auto run = runCli(home(), args({"status"}), QByteArray("not the passphrase\n"));
        QCOMPARE(run.exitCode, 5);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY(run.err.contains(QStringLiteral("passphrase is wrong")));
        QCOMPARE(testing::FileFingerprint::of(db), before);
    }

    void wrongDatabaseKeyFailsInOneLineAndLeavesTheFile()
    {
        QVERIFY(addPassphraseProfile(QStringLiteral("acme")));
        const QString db = databaseOf(QStringLiteral("acme"));
        setDatabaseKey(QStringLiteral("acme"), secrets::SecretBytes::random(32));
        const auto before = testing::FileFingerprint::of(db);
        QTest::qWait(20);
        const auto run = runCli(home(), args({"status"}), kPassphrase);
        QCOMPARE(run.exitCode, 5);
        // SQLCipher's own "ERROR CORE" lines are silenced: exactly one line (SECURITY B8).
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY(run.err.contains(QStringLiteral("key")));
        QCOMPARE(testing::FileFingerprint::of(db), before);
    }

    void tamperedPageIsNamedByDbCheck()
    {
        QVERIFY(addPassphraseProfile(QStringLiteral("acme")));
        const QString db = databaseOf(QStringLiteral("acme"));
        QVERIFY(testing::flipByte(db, 4096 + 64));
        const auto before = testing::FileFingerprint::of(db);
        QTest::qWait(20);
        const auto run = runCli(home(), args({"db", "check"}), kPassphrase);
        QCOMPARE(run.exitCode, 5);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY2(run.err.contains(QStringLiteral("HMAC verification failed for page 2")), qPrintable(run.err));
        QCOMPARE(testing::FileFingerprint::of(db), before);
    }

    void newerSchemaIsRefusedAndLeftAlone()
    {
        QVERIFY(addPassphraseProfile(QStringLiteral("acme")));
        const QString db = databaseOf(QStringLiteral("acme"));
        {
            auto open = store::Database::open(db, databaseKey(QStringLiteral("acme")));
            QVERIFY(open.ok());
            QVERIFY(
                (*open)->exec(QStringLiteral("INSERT INTO schema_version VALUES (42, '0042_x.sql', 'x', 'now')")).ok());
        }
        const auto before = testing::FileFingerprint::of(db);
        QTest::qWait(20);
        const auto run = runCli(home(), args({"status"}), kPassphrase);
        QCOMPARE(run.exitCode, 5);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY(run.err.contains(QStringLiteral("newer Stocktake")));
        QCOMPARE(testing::FileFingerprint::of(db), before);
    }

    void rekeyKilledAtAnyPointLeavesAnOpenableDatabase()
    {
        // SECURITY C7: SIGKILL at spread-out moments of `db rekey` on a database of some size;
        // every time, the next run opens it with a stored key and it is whole.
        QVERIFY(addPassphraseProfile(QStringLiteral("acme")));
        const QString db = databaseOf(QStringLiteral("acme"));
        {
            auto open = store::Database::open(db, databaseKey(QStringLiteral("acme")));
            QVERIFY(open.ok());
            QVERIFY((*open)
                        ->exec(QStringLiteral(
                            "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 150000) "
                            "INSERT INTO usage_keys (object_id) "
                            "SELECT printf('user-%08d-padding-padding', v) FROM n"))
                        .ok());
        }
        QVERIFY(QFileInfo(db).size() > 8 * 1024 * 1024);
        // One whole rekey first, to spread the kills over the time one takes on this machine.
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(runCli(home(), args({"db", "rekey"}), kPassphrase).exitCode, 0);
        const qint64 whole = timer.elapsed();
        int killed = 0;
        for (int tenth = 1; tenth <= 9; ++tenth) {
            const int delayMs = static_cast<int>(whole * tenth / 10);
            QProcess rekey;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("STOCKTAKE_HOME"), home());
            rekey.setProcessEnvironment(env);
            rekey.start(QStringLiteral(STOCKTAKE_CLI_PATH), args({"db", "rekey"}));
            QVERIFY(rekey.waitForStarted());
            rekey.write(kPassphrase);
            rekey.closeWriteChannel();
            if (!rekey.waitForFinished(delayMs)) {
                rekey.kill();  // SIGKILL
                QVERIFY(rekey.waitForFinished());
                ++killed;
            }
            const auto check = runCli(home(), args({"db", "check"}), kPassphrase);
            QVERIFY2(check.exitCode == 0, qPrintable(QStringLiteral("after %1 ms: %2").arg(delayMs).arg(check.err)));
            auto open = store::Database::open(db, databaseKey(QStringLiteral("acme")));
            QVERIFY(open.ok());
            QCOMPARE((*open)->rowCount(QStringLiteral("usage_keys")).value(), 150000);
        }
        QVERIFY2(killed >= 6, qPrintable(QStringLiteral("%1 of 9 runs killed").arg(killed)));
    }

    void missingKeychainFailsClosedInOneLine()
    {
        const auto run = runCli(home(),
            {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("acme"), QStringLiteral("--tenant"),
                QStringLiteral("contoso.com")},
            {}, {{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/stocktake-bus")}});
        QCOMPARE(run.exitCode, 5);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY(run.err.contains(QStringLiteral("keychain")));
        QCOMPARE(testing::profileId(home(), QStringLiteral("acme")), QString());
        QCOMPARE(
            QDir(home() + QStringLiteral("/profiles")).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList());
    }

    void lockedCollectionFailsClosed()
    {
        // SECURITY B1/B2, "bus, no --unlock": D-Bus activation starts gnome-keyring with a locked
        // login collection and no prompter can open. Exit 5, and no plaintext anywhere.
        const QString sandbox = home() + QStringLiteral("/sandbox");
        QVERIFY(QDir().mkpath(sandbox + QStringLiteral("/run")));
        QFile::setPermissions(sandbox + QStringLiteral("/run"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), sandbox);
        env.insert(QStringLiteral("XDG_DATA_HOME"), sandbox + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), sandbox + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), sandbox + QStringLiteral("/run"));
        env.insert(QStringLiteral("STOCKTAKE_HOME"), home() + QStringLiteral("/st"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral("dbus-run-session"),
            {QStringLiteral("--"), QStringLiteral(STOCKTAKE_CLI_PATH), QStringLiteral("profile"), QStringLiteral("add"),
                QStringLiteral("acme"), QStringLiteral("--tenant"), QStringLiteral("contoso.com")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 5);
        // dbus-daemon and gnome-keyring share the stream; the CLI's own lines are one.
        const QStringList ours = QString::fromUtf8(process.readAllStandardError())
                                     .split(u'\n')
                                     .filter(QRegularExpression(QStringLiteral("^stocktake-cli: ")));
        QCOMPARE(ours.size(), 1);
        QVERIFY(ours.constFirst().contains(QStringLiteral("keychain")));
        QCOMPARE(testing::profileId(home() + QStringLiteral("/st"), QStringLiteral("acme")), QString());
        QVERIFY(!QFileInfo::exists(sandbox + QStringLiteral("/config/Stocktake")));  // no QSettings fallback
        QDirIterator it(home() + QStringLiteral("/st"), QDir::Files, QDirIterator::Subdirectories);
        QVERIFY(!it.hasNext());
    }

    void interruptedRemovalIsFinishedByTheNextRun()
    {
        QVERIFY(addPassphraseProfile(QStringLiteral("acme")));
        const QString db = databaseOf(QStringLiteral("acme"));
        const QString vault = vaultOf(QStringLiteral("acme"));
        // The state a SIGKILL right after the first step of `profile remove` leaves: the entry
        // marked, the key (the vault) gone, the files still there.
        QFile json(home() + QStringLiteral("/profiles.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QByteArray text = json.readAll();
        json.close();
        text.replace("\"keyStorage\": \"passphrase\"", "\"keyStorage\": \"passphrase\", \"removing\": true");
        QVERIFY(json.open(QIODevice::WriteOnly | QIODevice::Truncate));
        json.write(text);
        json.close();
        const secrets::SecretBytes key = databaseKey(QStringLiteral("acme"));
        QVERIFY(QFile::remove(vault));
        QVERIFY(QFileInfo::exists(db));
        // Without its key the leftover file is noise.
        QCOMPARE(store::Database::open(db, secrets::SecretBytes::random(32)).error().code,
            QStringLiteral("store.wrong_key"));

        const auto run = runCli(home(), {QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QString());
        QVERIFY(!QFileInfo::exists(db));
        QCOMPARE(testing::profileId(home(), QStringLiteral("acme")), QString());
    }
};

QTEST_GUILESS_MAIN(TestCliStore)
#include "tst_cli_store.moc"
