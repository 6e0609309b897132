// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "passphrasekeystore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>
#include <QThread>
#include <QTimer>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>
#include <vector>

namespace stocktake::secrets {

namespace {

// Owned cipher contexts: tests/lsan.supp cannot tell libcrypto's own allocations apart, so no
// context of ours is ever released by hand.
struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

constexpr auto kFormat = "stocktake-passphrase-vault";
constexpr auto kKdf = "PBKDF2-HMAC-SHA512";
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;
// The check block: a known plaintext sealed under the key-encryption key, so a wrong
// passphrase is told apart from a damaged entry even when the vault holds no entry yet.
constexpr char kCheckPlain[] = "stocktake passphrase check v1";
constexpr char kCheckAad[] = "stocktake/vault-check";

// The context is spelled out: lupdate would file a tr() helper call in these free functions under
// "core" (their return type), not under the context the helper translates with.
core::Error wrongPassphrase()
{
    return core::Error {QStringLiteral("secrets.denied"),
        QCoreApplication::translate("stocktake::secrets::PassphraseKeyStore",
            "The passphrase is wrong. Type the passphrase this profile was created with."),
        QStringLiteral("vault check block did not open"), core::ExitCode::Store};
}

core::Error vaultFailed(const QString &path, const QString &detail)
{
    return core::Error {QStringLiteral("secrets.failed"),
        QCoreApplication::translate("stocktake::secrets::PassphraseKeyStore",
            "The passphrase vault %1 is damaged or unreadable. Restore it from a backup.")
            .arg(path),
        detail, core::ExitCode::Store};
}

core::Error notFound(const QString &entry)
{
    return core::Error {QStringLiteral("secrets.not_found"),
        QCoreApplication::translate("stocktake::secrets::PassphraseKeyStore", "The passphrase vault holds no entry %1.")
            .arg(entry),
        QStringLiteral("no entry ") + entry, core::ExitCode::Failed};
}

/// nonce || ciphertext || tag.
QByteArray seal(const SecretBytes &key, QByteArrayView aad, QByteArrayView plain)
{
    QByteArray out(kNonceBytes + plain.size() + kTagBytes, Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    if (RAND_bytes(nonce, kNonceBytes) != 1)
        return {};
    const CipherCtx owned(EVP_CIPHER_CTX_new());
    EVP_CIPHER_CTX *ctx = owned.get();
    int len = 0;
    const bool ok = ctx && EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, key.data(), nonce) == 1
        && EVP_EncryptUpdate(
               ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(aad.data()), static_cast<int>(aad.size()))
            == 1
        && EVP_EncryptUpdate(ctx, nonce + kNonceBytes, &len, reinterpret_cast<const unsigned char *>(plain.data()),
               static_cast<int>(plain.size()))
            == 1
        && EVP_EncryptFinal_ex(ctx, nonce + kNonceBytes + len, &len) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, kTagBytes, nonce + kNonceBytes + plain.size()) == 1;
    return ok ? out : QByteArray();
}

core::Result<SecretBytes> unseal(const SecretBytes &key, QByteArrayView aad, QByteArrayView sealed)
{
    if (sealed.size() < kNonceBytes + kTagBytes)
        return core::Error {
            QStringLiteral("secrets.failed"), QString(), QStringLiteral("short"), core::ExitCode::Store};
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.data());
    const qsizetype size = sealed.size() - kNonceBytes - kTagBytes;
    SecretBytes plain(static_cast<std::size_t>(size));
    unsigned char scratch[1];
    unsigned char *out = size > 0 ? plain.data() : scratch;
    std::vector<unsigned char> tag(nonce + kNonceBytes + size, nonce + kNonceBytes + size + kTagBytes);
    const CipherCtx owned(EVP_CIPHER_CTX_new());
    EVP_CIPHER_CTX *ctx = owned.get();
    int len = 0;
    const bool ok = ctx && EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, key.data(), nonce) == 1
        && EVP_DecryptUpdate(
               ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(aad.data()), static_cast<int>(aad.size()))
            == 1
        && EVP_DecryptUpdate(ctx, out, &len, nonce + kNonceBytes, static_cast<int>(size)) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) == 1
        && EVP_DecryptFinal_ex(ctx, out + len, &len) == 1;
    if (!ok)
        return core::Error {
            QStringLiteral("secrets.denied"), QString(), QStringLiteral("GCM tag"), core::ExitCode::Store};
    return plain;
}

}  // namespace

struct PassphraseKeyStore::Vault {
    QByteArray salt;
    int iterations = kIterations;
    QByteArray check;  ///< sealed kCheckPlain
    QMap<QString, QByteArray> entries;
    SecretBytes kek;
    bool deriving = false;
    std::vector<std::function<void(core::Result<Vault *>)>> waiting;
};

PassphraseKeyStore::PassphraseKeyStore(QString vaultPath, SecretBytes passphrase, int iterations, QObject *parent)
    : QObject(parent)
    , m_vaultPath(std::move(vaultPath))
    , m_passphrase(std::move(passphrase))
    , m_iterations(iterations)
{ }

PassphraseKeyStore::~PassphraseKeyStore() = default;

SecretBytes PassphraseKeyStore::deriveKey(
    const SecretBytes &passphrase, QByteArrayView salt, int iterations, std::size_t size)
{
    SecretBytes out(size);
    static const char kEmpty = 0;
    const char *pass = passphrase.isEmpty() ? &kEmpty : reinterpret_cast<const char *>(passphrase.data());
    if (PKCS5_PBKDF2_HMAC(pass, static_cast<int>(passphrase.size()),
            reinterpret_cast<const unsigned char *>(salt.data()), static_cast<int>(salt.size()), iterations,
            EVP_sha512(), static_cast<int>(size), out.data())
        != 1)
        return {};
    return out;
}

core::Status PassphraseKeyStore::save(const Vault &vault) const
{
    QJsonObject entries;
    for (auto it = vault.entries.cbegin(); it != vault.entries.cend(); ++it)
        entries.insert(it.key(), QString::fromLatin1(it.value().toBase64()));
    const QJsonObject root {
        {QStringLiteral("format"), QLatin1StringView(kFormat)},
        {QStringLiteral("version"), 1},
        {QStringLiteral("kdf"), QLatin1StringView(kKdf)},
        {QStringLiteral("iterations"), vault.iterations},
        {QStringLiteral("salt"), QString::fromLatin1(vault.salt.toBase64())},
        {QStringLiteral("check"), QString::fromLatin1(vault.check.toBase64())},
        {QStringLiteral("entries"), entries},
    };
    QSaveFile file(m_vaultPath);
    if (!file.open(QIODevice::WriteOnly))
        return vaultFailed(m_vaultPath, file.errorString());
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return vaultFailed(m_vaultPath, file.errorString());
    QFile::setPermissions(m_vaultPath, QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

void PassphraseKeyStore::withVault(bool createIfMissing, std::function<void(core::Result<Vault *>)> then)
{
    const auto later = [this](std::function<void()> call) {
        QTimer::singleShot(0, this, std::move(call));
    };
    if (m_vault && !m_vault->kek.isEmpty()) {
        Vault *vault = m_vault.get();
        return later([vault, then = std::move(then)] { then(vault); });
    }
    if (m_vault && m_vault->deriving) {
        m_vault->waiting.push_back(std::move(then));
        return;
    }
    bool fresh = false;
    if (!m_vault) {
        auto vault = std::make_unique<Vault>();
        QFile file(m_vaultPath);
        if (file.exists()) {
            if (!file.open(QIODevice::ReadOnly))
                return later([this, then = std::move(then), detail = file.errorString()] {
                    then(vaultFailed(m_vaultPath, detail));
                });
            const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
            vault->salt = QByteArray::fromBase64(root.value(QStringLiteral("salt")).toString().toLatin1());
            vault->iterations = root.value(QStringLiteral("iterations")).toInt();
            vault->check = QByteArray::fromBase64(root.value(QStringLiteral("check")).toString().toLatin1());
            const QJsonObject entries = root.value(QStringLiteral("entries")).toObject();
            for (auto it = entries.begin(); it != entries.end(); ++it)
                vault->entries.insert(it.key(), QByteArray::fromBase64(it.value().toString().toLatin1()));
            if (root.value(QStringLiteral("format")).toString() != QLatin1StringView(kFormat)
                || root.value(QStringLiteral("kdf")).toString() != QLatin1StringView(kKdf)
                || vault->salt.size() < static_cast<qsizetype>(kSaltBytes) || vault->iterations < 1
                || vault->check.isEmpty())
                return later(
                    [this, then = std::move(then)] { then(vaultFailed(m_vaultPath, QStringLiteral("not a vault"))); });
        } else if (!createIfMissing) {
            return later([then = std::move(then)] { then(notFound(QStringLiteral("(no vault)"))); });
        } else {
            vault->salt.resize(static_cast<qsizetype>(kSaltBytes));
            if (RAND_bytes(reinterpret_cast<unsigned char *>(vault->salt.data()), static_cast<int>(kSaltBytes)) != 1)
                std::abort();  // no CSPRNG, no safe salt
            vault->iterations = m_iterations;
            fresh = true;
        }
        m_vault = std::move(vault);
    }
    Vault *vault = m_vault.get();
    vault->deriving = true;
    vault->waiting.push_back(std::move(then));
    // The KDF takes about a second on purpose; never on the caller's (UI) thread.
    auto result = std::make_shared<SecretBytes>();
    auto passphrase = std::make_shared<SecretBytes>(SecretBytes::copyOf(m_passphrase.view()));
    QThread *worker = QThread::create([result, passphrase, salt = vault->salt, iterations = vault->iterations] {
        *result = deriveKey(*passphrase, salt, iterations);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, [this, vault, result, fresh] {
        vault->deriving = false;
        core::Result<Vault *> outcome(vault);
        if (result->isEmpty()) {
            outcome = vaultFailed(m_vaultPath, QStringLiteral("PBKDF2 failed"));
        } else if (fresh) {
            vault->kek = std::move(*result);
            vault->check = seal(vault->kek, kCheckAad, QByteArrayView(kCheckPlain));
        } else {
            auto check = unseal(*result, kCheckAad, vault->check);
            if (check && check->equals(QByteArrayView(kCheckPlain)))
                vault->kek = std::move(*result);
            else
                outcome = wrongPassphrase();
        }
        auto waiting = std::move(vault->waiting);
        vault->waiting.clear();
        if (!outcome.ok() || fresh) {
            // A wrong passphrase is forgotten so a retry derives again; a fresh vault is not
            // written until its first entry is.
            if (!outcome.ok())
                m_vault.reset();
        }
        for (auto &call : waiting)
            call(outcome);
    });
    worker->start();
}

void PassphraseKeyStore::read(const QString &entry, ReadDone done)
{
    withVault(false, [this, entry, done = std::move(done)](core::Result<Vault *> vault) {
        if (!vault)
            return done(vault.error().is(u"secrets.not_found") ? notFound(entry) : vault.error());
        const auto it = (*vault)->entries.constFind(entry);
        if (it == (*vault)->entries.constEnd())
            return done(notFound(entry));
        auto value = unseal((*vault)->kek, entry.toUtf8(), it.value());
        if (!value)
            return done(vaultFailed(m_vaultPath, entry + QStringLiteral(": entry does not open")));
        done(std::move(value.value()));
    });
}

void PassphraseKeyStore::write(const QString &entry, const SecretBytes &value, Done done)
{
    auto copy = std::make_shared<SecretBytes>(SecretBytes::copyOf(value.view()));
    withVault(true, [this, entry, copy, done = std::move(done)](core::Result<Vault *> vault) {
        if (!vault)
            return done(vault.error());
        const QByteArray sealed = seal((*vault)->kek, entry.toUtf8(), copy->view());
        if (sealed.isEmpty())
            return done(vaultFailed(m_vaultPath, QStringLiteral("AES-GCM failed")));
        (*vault)->entries.insert(entry, sealed);
        done(save(**vault));
    });
}

void PassphraseKeyStore::remove(const QString &entry, Done done)
{
    // Removing needs no passphrase: the sealed entry is simply dropped from the vault.
    QFile file(m_vaultPath);
    if (!file.exists())
        return QTimer::singleShot(0, this, [done = std::move(done)] { done({}); });
    if (!file.open(QIODevice::ReadOnly))
        return QTimer::singleShot(0, this,
            [this, done = std::move(done), detail = file.errorString()] { done(vaultFailed(m_vaultPath, detail)); });
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonObject entries = root.value(QStringLiteral("entries")).toObject();
    entries.remove(entry);
    root.insert(QStringLiteral("entries"), entries);
    if (m_vault)
        m_vault->entries.remove(entry);
    QSaveFile out(m_vaultPath);
    core::Status status;
    if (!out.open(QIODevice::WriteOnly)) {
        status = vaultFailed(m_vaultPath, out.errorString());
    } else {
        out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        out.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
        if (!out.commit())
            status = vaultFailed(m_vaultPath, out.errorString());
    }
    QTimer::singleShot(0, this, [done = std::move(done), status] { done(status); });
}

}  // namespace stocktake::secrets
