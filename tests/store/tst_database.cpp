// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/database.h"
#include "store/migrations.h"
#include "store/statement.h"
#include "store/statementtrace.h"
#include "storetesting.h"
#include "temphome.h"
#include "usagetext.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QThread>

#include <sqlite3.h>

using namespace stocktake;
using stocktake::store::Database;

/// Database on real SQLCipher files: the key comes first and is checked at once, failures are
/// typed and leave the file alone, and the data is really encrypted (SECURITY C1–C8).
class TestDatabase : public QObject {
    Q_OBJECT

private:
    testing::TempHome m_home;
    int m_serial = 0;

    QString freshPath() { return m_home.filePath(QStringLiteral("db%1/stocktake.db").arg(++m_serial)); }

    std::unique_ptr<Database> create(
        const QString &path, unsigned char seed = 1, store::StatementTrace *trace = nullptr)
    {
        Database::Options options;
        options.mode = Database::Mode::Create;
        options.trace = trace;
        auto db = Database::open(path, testing::fixedKey(seed), options);
        if (!db)
            qWarning("%s", qPrintable(db.error().detail));
        return db ? std::move(db.value()) : nullptr;
    }

    static QString scalar(const Database &db, const QString &sql)
    {
        QSqlQuery q(db.sql());
        if (!q.exec(sql) || !q.next())
            return QStringLiteral("<error: %1>").arg(q.lastError().text());
        return q.value(0).toString();
    }

    /// A new database (key 1) at schema `version`: the released migrations up to it, as an
    /// older build left it; the next open migrates it.
    static std::unique_ptr<Database> createAtSchema(const QString &path, int version)
    {
        Database::Options options;
        options.mode = Database::Mode::Create;
        options.migrate = false;
        auto db = Database::open(path, testing::fixedKey(1), options);
        if (!db
            || !db.value()
                    ->exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                                          "name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT"))
                    .ok())
            return nullptr;
        for (const auto &migration : store::Migrations::all()) {
            if (migration.version > version)
                break;
            if (!db.value()->exec(QString::fromUtf8(migration.sql)).ok()
                || !db.value()
                        ->exec(QStringLiteral("INSERT INTO schema_version VALUES (%1, '%2', '%3', 'then')")
                                   .arg(migration.version)
                                   .arg(migration.name, migration.sha256()))
                        .ok())
                return nullptr;
        }
        return std::move(db.value());
    }

private Q_SLOTS:
    void fileHoldsNeitherTheSqliteHeaderNorStoredText()
    {
        const QString path = freshPath();
        {
            auto db = create(path);
            QVERIFY(db);
            QSqlQuery q(db->sql());
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)")));
            q.addBindValue(QStringLiteral("canary"));
            q.addBindValue(QStringLiteral("CANARY-7f3e9b2c-marker"));
            QVERIFY(q.exec());
            QVERIFY(db->checkpoint().ok());
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.size() >= 4096);
        QVERIFY(!bytes.contains("SQLite format 3"));
        QVERIFY(!bytes.contains("CANARY-7f3e9b2c-marker"));
        QVERIFY(!bytes.contains("settings"));
    }

    void setsTheHardeningPragmas()
    {
        auto db = create(freshPath());
        QVERIFY(db);
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA foreign_keys")), QStringLiteral("1"));
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA secure_delete")), QStringLiteral("1"));
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA temp_store")), QStringLiteral("2"));   // MEMORY
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA synchronous")), QStringLiteral("2"));  // FULL
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA cipher_use_hmac")), QStringLiteral("1"));
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA cipher_plaintext_header_size")), QStringLiteral("0"));
        QVERIFY(db->cipherVersion().startsWith(u'4'));
    }

    void sendsTheKeyFirstOnEveryConnection()
    {
        store::StatementTrace trace;
        const QString path = freshPath();
        auto main = create(path, 1, &trace);
        QVERIFY(main);
        // A second connection on another thread, as the sync worker has.
        QThread *worker = QThread::create([&] {
            Database::Options options;
            options.trace = &trace;
            auto db = Database::open(path, testing::fixedKey(1), options);
            if (db)
                QSqlQuery((*db)->sql()).exec(QStringLiteral("SELECT count(*) FROM users"));
        });
        worker->start();
        worker->wait();
        delete worker;
        QCOMPARE(trace.connectionCount(), 2);
        for (int c = 0; c < 2; ++c) {
            const QStringList statements = trace.statementsOf(c);
            QVERIFY(statements.size() > 3);
            QCOMPARE(statements.first(), QStringLiteral("PRAGMA key = <redacted>"));
            QCOMPARE(statements.at(1), QStringLiteral("PRAGMA cipher_log_level = NONE"));
            QVERIFY(statements.indexOf(QStringLiteral("PRAGMA journal_mode = WAL")) > 1);
        }
        // The key itself never reached the trace.
        const QByteArray hex(reinterpret_cast<const char *>(testing::fixedKey(1).toHex().data()), 64);
        for (const auto &entry : trace.entries())
            QVERIFY(!entry.statement.toLatin1().contains(hex));
    }

    void traceRedactsKeyMaterialInEveryForm_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QString>("expected");
        QTest::newRow("key") << QByteArray("PRAGMA key = \"x'00112233'\"") << QStringLiteral("PRAGMA key = <redacted>");
        QTest::newRow("rekey") << QByteArray("  pragma REKEY='secret'") << QStringLiteral("PRAGMA rekey = <redacted>");
        QTest::newRow("schema key") << QByteArray("PRAGMA main.key = 'secret'")
                                    << QStringLiteral("PRAGMA main.key = <redacted>");
        QTest::newRow("hexkey") << QByteArray("PRAGMA hexkey('0011')") << QStringLiteral("PRAGMA hexkey = <redacted>");
        QTest::newRow("attach") << QByteArray("ATTACH DATABASE ?1 AS b KEY \"x'0011'\"")
                                << QStringLiteral("ATTACH … KEY <redacted>");
        QTest::newRow("plain") << QByteArray("SELECT  count(*)\n FROM users")
                               << QStringLiteral("SELECT count(*) FROM users");
        QTest::newRow("other pragma") << QByteArray("PRAGMA foreign_key_check")
                                      << QStringLiteral("PRAGMA foreign_key_check");
    }

    void traceRedactsKeyMaterialInEveryForm()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QString, expected);
        QCOMPARE(store::StatementTrace::redacted(sql.constData()), expected);
    }

    void rejectsWrongKeyWithClearErrorAndLeavesFileAlone()
    {
        const QString path = freshPath();
        QVERIFY(create(path));
        const auto before = testing::FileFingerprint::of(path);
        QVERIFY(!before.wal && !before.shm);
        QTest::qWait(20);  // a write would move the mtime
        auto db = Database::open(path, testing::fixedKey(2));
        QVERIFY(!db);
        QCOMPARE(db.error().code, QStringLiteral("store.wrong_key"));
        QCOMPARE(static_cast<int>(db.error().exitCode), 5);
        QVERIFY(db.error().userMessage.contains(QStringLiteral("key")));
        QVERIFY(!db.error().userMessage.contains(u'\n'));
        QCOMPARE(testing::FileFingerprint::of(path), before);
    }

    void rejectsFilesThatAreNotDatabases_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text") << QByteArray("just some notes\n");
        QTest::newRow("plaintext sqlite") << QByteArray("SQLite format 3\0", 16) + QByteArray(4096 - 16, '\0');
    }

    void rejectsFilesThatAreNotDatabases()
    {
        QFETCH(QByteArray, content);
        const QString path = freshPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const auto before = testing::FileFingerprint::of(path);
        auto db = Database::open(path, testing::fixedKey(1));
        QVERIFY(!db);
        QCOMPARE(db.error().code, QStringLiteral("store.not_database"));
        QCOMPARE(static_cast<int>(db.error().exitCode), 5);
        QCOMPARE(testing::FileFingerprint::of(path), before);
    }

    void refusesSchemaNewerThanTheApp()
    {
        const QString path = freshPath();
        {
            auto db = create(path);
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("INSERT INTO schema_version VALUES (999, '0999_future.sql', 'x', 'now')"))
                        .ok());
            QVERIFY(db->checkpoint().ok());
        }
        const auto before = testing::FileFingerprint::of(path);
        QTest::qWait(20);
        auto db = Database::open(path, testing::fixedKey(1));
        QVERIFY(!db);
        QCOMPARE(db.error().code, QStringLiteral("store.schema_newer"));
        QCOMPARE(static_cast<int>(db.error().exitCode), 5);
        QCOMPARE(testing::FileFingerprint::of(path), before);
    }

    void integrityCheckNamesATamperedPage()
    {
        const QString path = freshPath();
        {
            auto db = create(path);
            QVERIFY(db);
            QVERIFY(db->check().ok());
            QVERIFY(db->checkpoint().ok());
        }
        QVERIFY(testing::flipByte(path, 4096 + 100));  // inside page 2
        Database::Options options;
        options.migrate = false;
        auto db = Database::open(path, testing::fixedKey(1), options);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().detail));
        const Database::CheckReport report = (*db)->check();
        QVERIFY(!report.ok());
        QVERIFY2(report.cipherProblems.join(u';').contains(QStringLiteral("HMAC verification failed for page 2")),
            qPrintable(report.cipherProblems.join(u';')));
    }

    void tamperedFirstPageIsNotOpened()
    {
        const QString path = freshPath();
        {
            auto db = create(path);
            QVERIFY(db);
            QVERIFY(db->checkpoint().ok());
        }
        QVERIFY(testing::flipByte(path, 200));
        const auto before = testing::FileFingerprint::of(path);
        auto db = Database::open(path, testing::fixedKey(1));
        QVERIFY(!db);
        QCOMPARE(static_cast<int>(db.error().exitCode), 5);
        QCOMPARE(testing::FileFingerprint::of(path), before);
    }

    void rekeyMakesTheOldKeyFailAndTheNewOneWork()
    {
        const QString path = freshPath();
        {
            auto db = create(path, 1);
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("INSERT INTO settings VALUES ('k', 'v')")).ok());
            QVERIFY(db->rekey(testing::fixedKey(9)).ok());
        }
        QCOMPARE(Database::open(path, testing::fixedKey(1)).error().code, QStringLiteral("store.wrong_key"));
        auto db = Database::open(path, testing::fixedKey(9));
        QVERIFY(db.ok());
        QCOMPARE(scalar(**db, QStringLiteral("SELECT value FROM settings WHERE key = 'k'")), QStringLiteral("v"));
        QVERIFY((*db)->check().ok());
    }

    void backupIsEncryptedUnderItsOwnKeyAndComplete()
    {
        const QString path = freshPath();
        const QString backup = m_home.filePath(QStringLiteral("backup-%1.db").arg(m_serial));
        {
            auto db = create(path, 1);
            QVERIFY(db);
            for (int i = 0; i < 100; ++i)
                QVERIFY(db->exec(QStringLiteral("INSERT INTO settings VALUES ('k%1', 'v')").arg(i)).ok());
            QVERIFY(db->backupTo(backup, testing::fixedKey(5)).ok());
            QCOMPARE(db->backupTo(backup, testing::fixedKey(5)).error().code, QStringLiteral("store.exists"));
        }
        const auto mask = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::WriteGroup
            | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFile::permissions(backup) & mask, QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(Database::open(backup, testing::fixedKey(1)).error().code, QStringLiteral("store.wrong_key"));
        auto restored = Database::open(backup, testing::fixedKey(5));
        QVERIFY(restored.ok());
        QVERIFY((*restored)->check().ok());
        QCOMPARE((*restored)->rowCount(QStringLiteral("settings")).value(), 100);
        QCOMPARE((*restored)->schemaVersion().value(), store::Migrations::latestVersion());
    }

    void deletedRowsLeaveNoRemnantInAnyPage()
    {
        const QString path = freshPath();
        auto db = create(path);
        QVERIFY(db);
        const QByteArray upn("canary-upn@contoso.test");
        QVERIFY(db->exec(QStringLiteral("INSERT INTO users (id, upn, display_name, fetched_at) "
                                        "VALUES ('u1', 'canary-upn@contoso.test', 'Canary Person', 'now')"))
                    .ok());
        QVERIFY(db->checkpoint().ok());
        // The decryptor works: the live row is found (table and index page), and not in the raw file.
        QCOMPARE(testing::pagesContaining(path, testing::fixedKey(1), upn), 2);
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().contains(upn));
        QVERIFY(db->exec(QStringLiteral("DELETE FROM users WHERE id = 'u1'")).ok());
        QVERIFY(db->checkpoint().ok());
        QCOMPARE(QFileInfo(path + QStringLiteral("-wal")).size(), 0);
        QCOMPARE(testing::pagesContaining(path, testing::fixedKey(1), upn), 0);
        QCOMPARE(testing::pagesContaining(path, testing::fixedKey(1), QByteArray("Canary Person")), 0);
    }

    void filesAreOwnerOnly()
    {
        const QString path = freshPath();
        auto db = create(path);
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("INSERT INTO settings VALUES ('a', 'b')")).ok());
        const auto ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
        const auto mask = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::WriteGroup
            | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFile::permissions(path) & mask, ownerOnly);
        QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
        QCOMPARE(QFile::permissions(path + QStringLiteral("-wal")) & mask, ownerOnly);
        QCOMPARE(QFile::permissions(path + QStringLiteral("-shm")) & mask, ownerOnly);
    }

    void opensARawKeyQuickly()
    {
        const QString path = freshPath();
        QVERIFY(create(path));
        QElapsedTimer timer;
        timer.start();
        auto db = Database::open(path, testing::fixedKey(1));
        QVERIFY(db.ok());
        QVERIFY2(timer.elapsed() < 50, qPrintable(QString::number(timer.elapsed())));  // SECURITY C1: no KDF
    }

    void schemaHoldsEveryEntityAndMarksPersonalColumns()
    {
        auto db = create(freshPath());
        QVERIFY(db);
        QCOMPARE(db->schemaVersion().value(), store::Migrations::latestVersion());
        const QStringList tables = db->tables();
        for (const char *table : {"organization", "users", "user_licenses", "groups", "group_members",
                 "subscribed_skus", "service_principals", "oauth2_grants", "signins_raw", "usage_daily", "m365_usage",
                 "mail_messages", "invoices", "prices", "sync_state", "sync_runs", "audit_log", "subject_suppression",
                 "subject_restriction", "settings", "personal_columns", "schema_version"})
            QVERIFY2(tables.contains(QLatin1StringView(table)), table);
        // Every personal column names a real column, and so does its subject column.
        QSqlQuery q(db->sql());
        QVERIFY(q.exec(QStringLiteral("SELECT table_name, column_name, subject_column FROM personal_columns")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            const QSqlRecord columns = db->sql().record(q.value(0).toString());
            QVERIFY2(columns.contains(q.value(1).toString()), qPrintable(q.value(1).toString()));
            QVERIFY2(columns.contains(q.value(2).toString()), qPrintable(q.value(2).toString()));
        }
        QVERIFY(rows >= 20);
        QCOMPARE(scalar(*db,
                     QStringLiteral("SELECT count(*) FROM personal_columns WHERE table_name = 'users' AND column_name "
                                    "IN ('upn', 'display_name', 'mail')")),
            QStringLiteral("3"));
        // The audit log is append-only.
        QVERIFY(db->exec(QStringLiteral("INSERT INTO audit_log (time, actor, action, prev_hash, hash) "
                                        "VALUES ('t', 'local', 'test', x'00', x'01')"))
                    .ok());
        QVERIFY(!db->exec(QStringLiteral("DELETE FROM audit_log")).ok());
        QVERIFY(!db->exec(QStringLiteral("UPDATE audit_log SET action = 'x'")).ok());
    }

    void schema7KeepsEverySignInAndKeysThemByTime()
    {
        // A profile at schema 6 with raw sign-ins, opened by this build: migration 7 moves every
        // one into the table clustered on (created, id), with the fields the figures use, and
        // migration 13 keys them: seconds, a GUID in Graph's form as 16 bytes, people and apps by
        // their usage_keys keys.
        const QString path = freshPath();
        {
            auto db = createAtSchema(path, 6);
            QVERIFY(db);
            QVERIFY(
                db
                    ->exec(QStringLiteral(
                        "INSERT INTO signins_raw (id, created, user_id, app_id, app_display_name, "
                        "status_error_code, is_interactive, client_app_used, city, country, device_os, browser, "
                        "fetched_at) VALUES "
                        "('e1', '2026-11-20T08:00:00Z', 'u1', 'a1', 'Mail', 0, 1, 'Browser', 'Aarhus', 'DK', "
                        "'Linux', 'Firefox', 'f'), "
                        "('e2', '2026-11-21T09:30:00Z', 'u2', 'a1', 'Outlook', 50126, 0, NULL, NULL, NULL, NULL, NULL, "
                        "'f'), "
                        "('e3', '2026-11-19T23:59:59Z', NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, 'f'), "
                        "('0f8fad5b-d9cb-469f-a165-70867728950e', '2026-11-18T10:00:00Z', 'u1', 'a1', 'Mail', 0, NULL, "
                        "NULL, NULL, NULL, NULL, NULL, 'f')"))
                    .ok());
        }
        auto db = Database::open(path, testing::fixedKey(1));
        QVERIFY(db);
        QCOMPARE(db.value()->schemaVersion().value(), store::Migrations::latestVersion());
        QCOMPARE(
            scalar(*db.value(),
                QStringLiteral("SELECT group_concat(id || '|' || created || '|' || coalesce(user_id, '-') || '|' || "
                               "coalesce(app_id, '-') || '|' || status_error_code, ';') FROM (SELECT * FROM ")
                    + testing::signInsAsText() + QStringLiteral(" ORDER BY created)")),
            QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e|2026-11-18T10:00:00Z|u1|a1|0;"
                           "e3|2026-11-19T23:59:59Z|-|-|0;e1|2026-11-20T08:00:00Z|u1|a1|0;"
                           "e2|2026-11-21T09:30:00Z|u2|a1|50126"));
        QCOMPARE(scalar(*db.value(),
                     QStringLiteral("SELECT group_concat(typeof(id) || ':' || length(id), ' ') FROM "
                                    "(SELECT id FROM signins_raw ORDER BY created)")),
            QStringLiteral("blob:16 text:2 text:2 text:2"));
        // Data minimisation: nothing but the time, the id, the person, the app and the outcome;
        // what schema 1 kept of location, device, client app and interactivity, the app's name
        // (signin_app_names) and the fetch time (signin_days) are not kept per event.
        QCOMPARE(
            scalar(*db.value(), QStringLiteral("SELECT group_concat(name, ',') FROM pragma_table_info('signins_raw')")),
            QStringLiteral("created,id,person,app,status_error_code"));
        // A re-fetched event replaces itself.
        QVERIFY(
            db.value()
                ->exec(testing::insertSignInsAsText(QStringLiteral("('e1', '2026-11-20T08:00:00Z', NULL, NULL, 7)")))
                .ok());
        QCOMPARE(scalar(*db.value(),
                     QStringLiteral("SELECT count(*) || '/' || sum(status_error_code = 7) FROM signins_raw")),
            QStringLiteral("4/1"));
        // The table is its (created, id) key (WITHOUT ROWID), with no index beside it: none by id,
        // time or person (schema 7), nor by app (schema 9).
        QCOMPARE(scalar(*db.value(),
                     QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = "
                                    "'signins_raw'")),
            QStringLiteral("0"));
        // Schema 9: each app keeps the name of its newest sign-in that named it.
        QCOMPARE(scalar(*db.value(),
                     QStringLiteral("SELECT group_concat(app_id || '|' || display_name || '|' || seen, ';') "
                                    "FROM signin_app_names")),
            QStringLiteral("a1|Outlook|2026-11-21T09:30:00Z"));
    }

    void statementBindsTextNullsAndNumbersStraightOnTheConnection()
    {
        auto db = create(freshPath());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t (a TEXT, b INTEGER, c INTEGER, d TEXT) STRICT")).ok());
        store::Statement insert(*db, QStringLiteral("INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)"));
        QVERIFY(insert.ok());
        insert.bind(0, QStringLiteral("Æblegrød 🍎"));
        insert.bind(1, qint64 {1} << 40);
        insert.bind(2, std::optional<bool>(true));
        insert.bind(3, std::optional<QString>());
        QVERIFY(insert.exec());
        QCOMPARE(insert.changes(), 1);
        // The same statement again: every binding replaced.
        insert.bind(0, std::optional<QString>(QString()));
        insert.bind(1, 7);
        insert.bind(2, std::optional<bool>());
        insert.bind(3, QStringLiteral("x"));
        QVERIFY(insert.exec());
        QCOMPARE(scalar(*db,
                     QStringLiteral("SELECT group_concat(quote(a) || ',' || b || ',' || quote(c) || ',' || "
                                    "quote(d), ';') FROM t")),
            QStringLiteral("'Æblegrød 🍎',1099511627776,1,NULL;'',7,NULL,'x'"));
        // A failure says why, and the statement stays usable.
        store::Statement strict(*db, QStringLiteral("INSERT INTO t (b) VALUES (?)"));
        strict.bind(0, QStringLiteral("not a number"));
        QVERIFY(!strict.exec());
        QVERIFY2(strict.errorText().contains(QStringLiteral("cannot store TEXT value in INTEGER column")),
            qPrintable(strict.errorText()));
        strict.bind(0, 3);
        QVERIFY(strict.exec());
        store::Statement broken(*db, QStringLiteral("INSERT INTO nowhere VALUES (?)"));
        QVERIFY(!broken.ok());
        QVERIFY(broken.errorText().contains(QStringLiteral("no such table")));
        QVERIFY(!broken.exec());
        // A bind to an index the statement does not have fails the next exec, which writes nothing.
        insert.bind(0, QStringLiteral("y"));
        insert.bind(4, QStringLiteral("no such value"));
        QVERIFY(!insert.exec());
        QVERIFY2(insert.errorText().contains(QStringLiteral("binding value 4")), qPrintable(insert.errorText()));
        QCOMPARE(
            scalar(*db, QStringLiteral("SELECT count(*) FROM t")), QStringLiteral("3"));  // the two above and strict's
        QVERIFY(insert.exec());  // the error is reported once; the bindings in range stand
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM t WHERE a = 'y'")), QStringLiteral("1"));

        // UTF-8 as it came off the wire: a long text, then a shorter one into the same buffer,
        // an empty one (not NULL), and NULL for an absent one.
        QVERIFY(db->exec(QStringLiteral("DELETE FROM t")).ok());
        const std::string apple = QStringLiteral("Æblegrød 🍎").toStdString();
        insert.bindUtf8(0, std::string_view(apple));
        insert.bindUtf8(3, std::optional<std::string_view>());
        insert.bind(1, 1);
        insert.bind(2, std::optional<bool>());
        QVERIFY(insert.exec());
        insert.bindUtf8(0, std::string_view("ab"));
        insert.bindUtf8(3, std::optional<std::string_view>(std::string_view()));
        insert.bind(1, 2);
        QVERIFY(insert.exec());
        QCOMPARE(
            scalar(*db, QStringLiteral("SELECT group_concat(quote(a) || ',' || b || ',' || quote(d), ';') FROM t")),
            QStringLiteral("'Æblegrød 🍎',1,NULL;'ab',2,''"));
        insert.bindUtf8(9, std::string_view("out of range"));
        QVERIFY(!insert.exec());

        // Bytes as a BLOB, through the same buffers: NUL bytes kept, a shorter one after it.
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE b (x ANY) STRICT")).ok());
        store::Statement blob(*db, QStringLiteral("INSERT INTO b (x) VALUES (?)"));
        blob.bindBlob(0, std::string_view("\x00\xff\x10z", 4));
        QVERIFY(blob.exec());
        blob.bindBlob(0, std::string_view("a"));
        QVERIFY(blob.exec());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT group_concat(typeof(x) || ':' || hex(x), ';') FROM b")),
            QStringLiteral("blob:00FF107A;blob:61"));
        blob.bindBlob(1, std::string_view("out of range"));
        QVERIFY(!blob.exec());
        // An optional number: the number, or NULL when absent.
        QVERIFY(db->exec(QStringLiteral("DELETE FROM b")).ok());
        blob.bind(0, std::optional<qint64>(qint64 {1} << 40));
        QVERIFY(blob.exec());
        blob.bind(0, std::optional<qint64>());
        QVERIFY(blob.exec());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT group_concat(typeof(x) || ':' || quote(x), ';') FROM b")),
            QStringLiteral("integer:1099511627776;null:NULL"));
    }

    void schema10KeysUsageByIntegers()
    {
        // A profile at schema 9 with daily usage, opened by this build: migration 10 keys each
        // person and app, counts days from 1970 and times in seconds, and loses no row.
        const QString path = freshPath();
        {
            auto db = createAtSchema(path, 9);
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral(
                                 "INSERT INTO usage_daily (day, user_id, app_id, sign_ins, failures, last_sign_in) "
                                 "VALUES ('2026-11-19', 'u1', 'a1', 3, 0, '2026-11-19T09:00:00Z'), "
                                 "('2026-11-19', 'u2', 'a1', 0, 2, NULL), "
                                 "('2026-11-20', 'u1', 'a2', 1, 1, '2026-11-20T23:59:59Z'), "
                                 "('1970-01-01', 'u3', 'a1', 1, 0, '1970-01-01T00:00:01Z')"))
                        .ok());
        }
        auto db = Database::open(path, testing::fixedKey(1));
        QVERIFY(db);
        QCOMPARE(db.value()->schemaVersion().value(), store::Migrations::latestVersion());
        QCOMPARE(scalar(*db.value(),
                     QStringLiteral("SELECT group_concat(day || '|' || user_id || '|' || app_id || '|' || sign_ins || "
                                    "'|' || failures || '|' || coalesce(last_sign_in, '-'), ';') FROM "
                                    "(SELECT * FROM %1 ORDER BY day, user_id, app_id)")
                         .arg(testing::usageAsText())),
            QStringLiteral("1970-01-01|u3|a1|1|0|1970-01-01T00:00:01Z;2026-11-19|u1|a1|3|0|2026-11-19T09:00:00Z;"
                           "2026-11-19|u2|a1|0|2|-;2026-11-20|u1|a2|1|1|2026-11-20T23:59:59Z"));
        QCOMPARE(scalar(*db.value(),
                     QStringLiteral("SELECT group_concat(day, ',') FROM (SELECT DISTINCT day FROM "
                                    "usage_daily ORDER BY day)")),
            QStringLiteral("0,20776,20777"));
        QCOMPARE(scalar(*db.value(), QStringLiteral("SELECT count(*) FROM usage_keys")), QStringLiteral("5"));
        // The person's column is personal through the keys.
        QCOMPARE(scalar(*db.value(),
                     QStringLiteral("SELECT group_concat(table_name || '.' || column_name, ',') FROM (SELECT * FROM "
                                    "personal_columns WHERE table_name IN ('usage_daily', 'usage_keys') "
                                    "ORDER BY 1, 2)")),
            QStringLiteral("usage_daily.last_sign_in,usage_daily.person,usage_keys.object_id"));
    }

    void schema12KeepsTheUsageReportOnePersonARow()
    {
        // A profile at schema 11 with the usage report as a row per person and product, opened by
        // this build: migration 12 makes it a row per person, with what each product row said.
        const QString path = freshPath();
        {
            auto db = createAtSchema(path, 11);
            QVERIFY(db);
            QVERIFY(
                db->exec(QStringLiteral(
                             "INSERT INTO m365_usage (report, report_refresh_date, upn, user_id, display_name, "
                             "product, has_license, last_activity_date, report_period, fetched_at) VALUES "
                             "('r', '2026-11-20', 'a@x.example', 'u1', 'A', 'Exchange', 1, '2026-11-19', 'D30', 't'), "
                             "('r', '2026-11-20', 'a@x.example', 'u1', 'A', 'Teams', 0, '2026-11-18', 'D30', 't'), "
                             "('r', '2026-11-20', 'a@x.example', 'u1', 'A', 'Skype for Business', 1, NULL, 'D30', "
                             "'t'), "
                             "('r', '2026-11-20', 'b@x.example', NULL, 'B', 'OneDrive', 1, NULL, 'D30', 't')"))
                    .ok());
        }
        auto db = Database::open(path, testing::fixedKey(1));
        QVERIFY(db);
        QCOMPARE(db.value()->schemaVersion().value(), store::Migrations::latestVersion());
        QCOMPARE(scalar(*db.value(),
                     QStringLiteral(
                         "SELECT group_concat(upn || '|' || coalesce(user_id, '-') || '|' || display_name || '|' || "
                         "report_refresh_date || '|' || report_period || '|' || fetched_at || '|' || "
                         "exchange_license || coalesce(exchange_last_activity, '-') || '|' || onedrive_license || "
                         "coalesce(onedrive_last_activity, '-') || '|' || sharepoint_license || "
                         "coalesce(sharepoint_last_activity, '-') || '|' || skype_license || "
                         "coalesce(skype_last_activity, '-') || '|' || yammer_license || "
                         "coalesce(yammer_last_activity, '-') || '|' || teams_license || "
                         "coalesce(teams_last_activity, '-'), ';') FROM (SELECT * FROM m365_usage ORDER BY upn)")),
            QStringLiteral("a@x.example|u1|A|2026-11-20|D30|t|12026-11-19|0-|0-|1-|0-|02026-11-18;"
                           "b@x.example|-|B|2026-11-20|D30|t|0-|1-|0-|0-|0-|0-"));
        QCOMPARE(scalar(*db.value(),
                     QStringLiteral("SELECT group_concat(column_name, ',') FROM (SELECT * FROM personal_columns "
                                    "WHERE table_name = 'm365_usage' ORDER BY column_name)")),
            QStringLiteral("display_name,exchange_last_activity,onedrive_last_activity,sharepoint_last_activity,"
                           "skype_last_activity,teams_last_activity,upn,user_id,yammer_last_activity"));
    }

    void appliedMigrationsAreNeverEdited()
    {
        // SHA-256 of every released migration. A new migration adds a line here; an edit to a
        // released one fails this test (make a new migration instead).
        const QHash<int, QString> released {
            {1, QStringLiteral("f82ea6c225d2d9404c84a2042e4a3979ed84ef075e04e26bcb848cc6d1f60b2c")},
            {2, QStringLiteral("2eb2a53da39ce537e2f14ff268a96ccd02e97c0a9fb0d2e061afc146cc2dc687")},
            {3, QStringLiteral("105c3c3ea3ad4f10db26f47b55b43d789667e888136d2bd422b7f11a44fa04d0")},
            {4, QStringLiteral("09190f4c4b65e5dbf9b00284bfdf1503734817b7b49d21d04bcdff2a3b0d01b2")},
            {5, QStringLiteral("d868523fda5d34fa5e50170b43d845415452f6b898cff51aa202cba12c0d3cdd")},
            {6, QStringLiteral("910e4f9069a6d9f2e3f4a5a94130128b7aeabaecc83d242853c864a96a1e18fd")},
            {7, QStringLiteral("6a9da778ed95541d3ce3d7fc2d690ea9a1b838ea6f82c0713d6c33308ea5cadf")},
            {8, QStringLiteral("7e0e07d4469d645bbfb587b52d43743ed648b6aaefba4c02a3cd0ed7ea1ae859")},
            {9, QStringLiteral("b18bbeb55cfca9b0d2b1930e56d61fc13e48c7335c7c15d915f722353c0f3cd4")},
            {10, QStringLiteral("74a23285dc73486910fd84a10b9fc61ad43cb8db8502b59ec682da38c07816ad")},
            {11, QStringLiteral("d86278000eab532eff28e0f3930ced9da676f3f2d9825799d1851a9ae3798745")},
            {12, QStringLiteral("99e6d1906ca9fcdcb6b793b2f54a4f6d6b562343d8b383141d2277fd2cab5ff0")},
            {13, QStringLiteral("af0871280103cb9fe22a485f906741d2a54945c856a80409a3a6301ef0de8a96")},
        };
        const auto all = store::Migrations::all();
        QVERIFY(!all.isEmpty());
        for (const auto &migration : all) {
            QVERIFY2(released.contains(migration.version), "a new migration must add its SHA-256 above");
            QCOMPARE(migration.sha256(), released.value(migration.version));
        }
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(all.at(i).version, i + 1);  // numbered without gaps
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
