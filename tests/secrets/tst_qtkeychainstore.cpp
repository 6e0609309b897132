// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/qtkeychainstore.h"
#include "secretservice.h"

#include <QProcess>
#include <QTest>

#include <optional>

using namespace stocktake;
using secrets::QtKeychainStore;
using secrets::SecretBytes;

namespace {

SecretBytes patterned(std::size_t size, unsigned char seed)
{
    SecretBytes value(size);
    for (std::size_t i = 0; i < size; ++i)
        value.data()[i] = static_cast<unsigned char>((i * 31 + seed) & 0xff);
    return value;
}

core::Status syncWrite(QtKeychainStore &store, const QString &entry, const SecretBytes &value)
{
    std::optional<core::Status> result;
    store.write(entry, value, [&](core::Status s) { result = std::move(s); });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 30000);
    return result.value_or(core::Error {QStringLiteral("test.timeout"), {}, {}, core::ExitCode::Failed});
}

core::Result<SecretBytes> syncRead(QtKeychainStore &store, const QString &entry)
{
    std::optional<core::Result<SecretBytes>> result;
    store.read(entry, [&](core::Result<SecretBytes> r) { result.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 30000);
    if (!result)
        return core::Error {QStringLiteral("test.timeout"), {}, {}, core::ExitCode::Failed};
    return std::move(*result);
}

core::Status syncRemove(QtKeychainStore &store, const QString &entry)
{
    std::optional<core::Status> result;
    store.remove(entry, [&](core::Status s) { result = std::move(s); });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 30000);
    return result.value_or(core::Error {QStringLiteral("test.timeout"), {}, {}, core::ExitCode::Failed});
}

/// The `user` attributes of Stocktake's items, as secret-tool sees them (QtKeychain's libsecret
/// schema: server = service, user = entry name).
QStringList storedEntries(const QString &service)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
        {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"), service});
    // Under a loaded suite (two heavy tests beside this one) secret-tool can take seconds to list
    // a keyring full of 16 KiB items; a cut-off listing would miss entries that are there.
    if (!tool.waitForFinished(120000) || tool.exitStatus() != QProcess::NormalExit) {
        qWarning("secret-tool search did not finish");
        return {};
    }
    QStringList users;
    const QString text = QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
    for (const QString &line : text.split(u'\n')) {
        if (line.startsWith(QStringLiteral("attribute.user = ")))
            users.append(line.mid(17).trimmed());
    }
    users.sort();
    return users;
}

/// Whether the Secret Service holds exactly `entry` of `service` (QtKeychain's libsecret
/// attributes: server = service, user = entry). A lookup of one item, not a listing of the whole
/// keyring, which other tests of the suite write to at the same time.
bool hasEntry(const QString &service, const QString &entry)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
        {QStringLiteral("lookup"), QStringLiteral("server"), service, QStringLiteral("user"), entry});
    return tool.waitForFinished(120000) && tool.exitStatus() == QProcess::NormalExit && tool.exitCode() == 0
        && !tool.readAllStandardOutput().isEmpty();
}

}  // namespace

/// QtKeychainStore against a real gnome-keyring on a private D-Bus session.
class TestQtKeychainStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { STOCKTAKE_REQUIRE_SECRET_SERVICE(); }

    void roundTripsValuesOfEverySize_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("chunkLimit");
        QTest::newRow("database key") << 32 << 0;
        QTest::newRow("4 KiB") << 4096 << 0;
        QTest::newRow("16 KiB") << 16384 << 0;
        QTest::newRow("4 KiB in 1 KiB parts") << 4096 << 1024;
        QTest::newRow("16 KiB in 2 KiB parts") << 16384 << 2048;
        QTest::newRow("exactly one part") << 1023 << 1024;
    }

    void roundTripsValuesOfEverySize()
    {
        QFETCH(int, size);
        QFETCH(int, chunkLimit);
        QtKeychainStore::Options options;
        options.chunkLimit = chunkLimit;
        QtKeychainStore store(options);
        const QString entry = QStringLiteral("test-%1-%2/refresh-token").arg(size).arg(chunkLimit);
        const SecretBytes value = patterned(static_cast<std::size_t>(size), 7);
        const core::Status written = syncWrite(store, entry, value);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().detail));
        const auto read = syncRead(store, entry);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().detail));
        QCOMPARE(read->size(), value.size());
        QVERIFY(read->equals(value.view()));

        const int parts = chunkLimit > 0 && size + 1 > chunkLimit ? (size + chunkLimit - 1) / chunkLimit : 0;
        for (int i = 1; i <= parts; ++i)
            QVERIFY(hasEntry(store.options().service, entry + u'#' + QString::number(i)));
        QVERIFY(hasEntry(store.options().service, entry));

        QVERIFY(syncRemove(store, entry).ok());
        QCOMPARE(syncRead(store, entry).error().code, QStringLiteral("secrets.not_found"));
        for (const QString &left : storedEntries(store.options().service))
            QVERIFY2(!left.startsWith(entry), qPrintable(left));
    }

    void shorterValueReplacesPartsOfALongerOne()
    {
        QtKeychainStore::Options options;
        options.chunkLimit = 1024;
        QtKeychainStore store(options);
        const QString entry = QStringLiteral("shrink/refresh-token");
        QVERIFY(syncWrite(store, entry, patterned(5000, 1)).ok());
        QVERIFY(syncWrite(store, entry, patterned(100, 2)).ok());
        const auto read = syncRead(store, entry);
        QVERIFY(read.ok());
        QVERIFY(read->equals(patterned(100, 2).view()));
        for (const QString &left : storedEntries(store.options().service))
            QVERIFY2(!left.startsWith(entry + u'#'), qPrintable(left));
        QVERIFY(syncRemove(store, entry).ok());
    }

    void readingAMissingEntryIsNotFound()
    {
        QtKeychainStore store;
        const auto read = syncRead(store, QStringLiteral("never-written/database-key"));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, QStringLiteral("secrets.not_found"));
        QVERIFY(syncRemove(store, QStringLiteral("never-written/database-key")).ok());
    }

    void usesTheStocktakeServiceName()
    {
        QtKeychainStore store;
        QCOMPARE(store.options().service, QStringLiteral("Stocktake"));
        QVERIFY(syncWrite(store, QStringLiteral("svc/database-key"), patterned(32, 3)).ok());
        QVERIFY(storedEntries(QStringLiteral("Stocktake")).contains(QStringLiteral("svc/database-key")));
        QVERIFY(syncRemove(store, QStringLiteral("svc/database-key")).ok());
        QVERIFY(!storedEntries(QStringLiteral("Stocktake")).contains(QStringLiteral("svc/database-key")));
    }

    void probeFindsTheKeychainAvailable_data()
    {
        QTest::addColumn<bool>("write");
        QTest::newRow("read") << false;
        QTest::newRow("read and write") << true;
    }

    void probeFindsTheKeychainAvailable()
    {
        QFETCH(bool, write);
        QtKeychainStore store;
        std::optional<core::Status> result;
        store.probe([&](core::Status s) { result = std::move(s); },
            write ? QtKeychainStore::ProbeMode::ReadWrite : QtKeychainStore::ProbeMode::Read);
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QVERIFY(result->ok());
        // The sentinel does not stay behind.
        QVERIFY(!storedEntries(store.options().service).contains(QStringLiteral("stocktake-probe/sentinel")));
    }

    void callbacksNeverRunInsideTheCall()
    {
        QtKeychainStore store;
        bool called = false;
        store.read(QStringLiteral("async/database-key"), [&](core::Result<SecretBytes>) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY_WITH_TIMEOUT(called, 10000);
    }
};

QTEST_GUILESS_MAIN(TestQtKeychainStore)
#include "tst_qtkeychainstore.moc"
