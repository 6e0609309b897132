// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/passphrasekeystore.h"
#include "temphome.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <optional>

using namespace stocktake;
using secrets::PassphraseKeyStore;
using secrets::SecretBytes;

namespace {

constexpr int kFastIterations = 1000;  // the KDF's cost is measured once, below

SecretBytes text(const char *value)
{
    return SecretBytes::copyOf(QByteArrayView(value));
}

core::Status syncWrite(PassphraseKeyStore &store, const QString &entry, const SecretBytes &value)
{
    std::optional<core::Status> result;
    store.write(entry, value, [&](core::Status s) { result = std::move(s); });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 30000);
    return result.value_or(core::Error {QStringLiteral("test.timeout"), {}, {}, core::ExitCode::Failed});
}

core::Result<SecretBytes> syncRead(PassphraseKeyStore &store, const QString &entry)
{
    std::optional<core::Result<SecretBytes>> result;
    store.read(entry, [&](core::Result<SecretBytes> r) { result.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 30000);
    if (!result)
        return core::Error {QStringLiteral("test.timeout"), {}, {}, core::ExitCode::Failed};
    return std::move(*result);
}

core::Status syncRemove(PassphraseKeyStore &store, const QString &entry)
{
    std::optional<core::Status> result;
    store.remove(entry, [&](core::Status s) { result = std::move(s); });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 30000);
    return result.value_or(core::Error {QStringLiteral("test.timeout"), {}, {}, core::ExitCode::Failed});
}

}  // namespace

/// The passphrase vault: PBKDF2-HMAC-SHA512 and AES-256-GCM through OpenSSL, on real files.
class TestPassphraseKeyStore : public QObject {
    Q_OBJECT

private:
    testing::TempHome m_home;
    int m_serial = 0;
    QString freshVault() { return m_home.filePath(QStringLiteral("vault-%1.json").arg(++m_serial)); }

private Q_SLOTS:
    void derivesThePbkdf2HmacSha512TestVector()
    {
        // RFC 6070's inputs with SHA-512 (published vectors, e.g. in the Go and Python test suites).
        const SecretBytes key = PassphraseKeyStore::deriveKey(text("password"), QByteArrayView("salt"), 1, 64);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(key.data()), 64).toHex(),
            QByteArray("867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252"
                       "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce"));
    }

    void usesAtLeast600000IterationsAndTakesItsTime()
    {
        QVERIFY(PassphraseKeyStore::kIterations >= 600000);
        QElapsedTimer timer;
        timer.start();
        const SecretBytes key = PassphraseKeyStore::deriveKey(
            text("correct horse"), QByteArrayView("0123456789abcdef"), PassphraseKeyStore::kIterations);
        QCOMPARE(key.size(), std::size_t(32));
        QVERIFY2(timer.elapsed() >= 100, qPrintable(QString::number(timer.elapsed())));  // SECURITY C1
    }

    void roundTripsEntriesAcrossInstances()
    {
        const QString vault = freshVault();
        {
            PassphraseKeyStore store(vault, text("s3cret"), kFastIterations);
            QVERIFY(syncWrite(store, QStringLiteral("p/database-key"), text("0123456789abcdef0123456789abcdef")).ok());
            QVERIFY(syncWrite(store, QStringLiteral("p/refresh-token"), text("REFRESH-CANARY-token")).ok());
        }
        PassphraseKeyStore again(vault, text("s3cret"), kFastIterations);
        const auto key = syncRead(again, QStringLiteral("p/database-key"));
        QVERIFY(key.ok());
        QVERIFY(key->equals(QByteArrayView("0123456789abcdef0123456789abcdef")));
        QCOMPARE(syncRead(again, QStringLiteral("p/other")).error().code, QStringLiteral("secrets.not_found"));
        QCOMPARE(QFile::permissions(vault) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

        QFile file(vault);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains("REFRESH-CANARY"));
        QVERIFY(!bytes.contains(QByteArray("REFRESH-CANARY").toBase64()));
        const QJsonObject root = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(root.value(QStringLiteral("kdf")).toString(), QStringLiteral("PBKDF2-HMAC-SHA512"));
        QCOMPARE(QByteArray::fromBase64(root.value(QStringLiteral("salt")).toString().toLatin1()).size(), 16);
    }

    void rejectsAWrongPassphrase()
    {
        const QString vault = freshVault();
        {
            PassphraseKeyStore store(vault, text("right"), kFastIterations);
            QVERIFY(syncWrite(store, QStringLiteral("p/database-key"), text("k")).ok());
        }
        PassphraseKeyStore wrong(vault, text("wrong"), kFastIterations);
        const auto read = syncRead(wrong, QStringLiteral("p/database-key"));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, QStringLiteral("secrets.denied"));
        QCOMPARE(static_cast<int>(read.error().exitCode), 5);
        QVERIFY(!syncWrite(wrong, QStringLiteral("p/other"), text("x")).ok());  // cannot add under another passphrase
    }

    void twoVaultsGetDifferentSalts()
    {
        const QString a = freshVault();
        const QString b = freshVault();
        PassphraseKeyStore first(a, text("same"), kFastIterations);
        PassphraseKeyStore second(b, text("same"), kFastIterations);
        QVERIFY(syncWrite(first, QStringLiteral("e"), text("v")).ok());
        QVERIFY(syncWrite(second, QStringLiteral("e"), text("v")).ok());
        const auto salt = [](const QString &path) {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("salt")).toString();
        };
        QVERIFY(salt(a) != salt(b));
    }

    void removesEntriesWithoutThePassphrase()
    {
        const QString vault = freshVault();
        {
            PassphraseKeyStore store(vault, text("pw"), kFastIterations);
            QVERIFY(syncWrite(store, QStringLiteral("p/database-key"), text("key")).ok());
        }
        PassphraseKeyStore locked(vault, SecretBytes(), kFastIterations);
        QVERIFY(syncRemove(locked, QStringLiteral("p/database-key")).ok());
        PassphraseKeyStore store(vault, text("pw"), kFastIterations);
        QCOMPARE(syncRead(store, QStringLiteral("p/database-key")).error().code, QStringLiteral("secrets.not_found"));
    }

    void entriesCannotBeSwapped()
    {
        const QString vault = freshVault();
        {
            PassphraseKeyStore store(vault, text("pw"), kFastIterations);
            QVERIFY(syncWrite(store, QStringLiteral("a"), text("alpha")).ok());
            QVERIFY(syncWrite(store, QStringLiteral("b"), text("beta")).ok());
        }
        QFile file(vault);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonObject entries = root.value(QStringLiteral("entries")).toObject();
        const QJsonValue a = entries.value(QStringLiteral("a"));
        entries.insert(QStringLiteral("a"), entries.value(QStringLiteral("b")));
        entries.insert(QStringLiteral("b"), a);
        root.insert(QStringLiteral("entries"), entries);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(root).toJson());
        file.close();
        PassphraseKeyStore store(vault, text("pw"), kFastIterations);
        QCOMPARE(syncRead(store, QStringLiteral("a")).error().code, QStringLiteral("secrets.failed"));
    }
};

QTEST_GUILESS_MAIN(TestPassphraseKeyStore)
#include "tst_passphrasekeystore.moc"
