// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "qtkeychainstore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace stocktake::secrets {

Q_LOGGING_CATEGORY(lcKeychain, "stocktake.secrets")

namespace {

// Stored values carry a one-byte tag: 'S' + the value, or 'C' + a 4-byte big-endian part count
// (a manifest; the parts live in "<entry>#1" … "<entry>#N").
constexpr char kSingle = 'S';
constexpr char kChunked = 'C';
const QString kProbeEntry = QStringLiteral("stocktake-probe/sentinel");

// The context is spelled out: lupdate would file a tr() helper call in these free functions under
// "core" (their return type), not under the context the helper translates with.
core::Error unavailable(const QString &detail)
{
    return core::Error {QStringLiteral("secrets.unavailable"),
        QCoreApplication::translate("stocktake::secrets::QtKeychainStore",
            "Stocktake cannot use the OS keychain (no Secret Service, Keychain or Credential Manager "
            "answered, or it is locked). Unlock or start it, or use a profile with --key-storage passphrase."),
        detail, core::ExitCode::Store};
}

core::Error denied(const QString &detail)
{
    return core::Error {QStringLiteral("secrets.denied"),
        QCoreApplication::translate("stocktake::secrets::QtKeychainStore",
            "The OS keychain refused Stocktake access to its entry. Allow the access and try again."),
        detail, core::ExitCode::Store};
}

core::Error failed(const QString &detail)
{
    return core::Error {QStringLiteral("secrets.failed"),
        QCoreApplication::translate("stocktake::secrets::QtKeychainStore",
            "The OS keychain could not read or store a Stocktake entry. Try again; if it goes on, "
            "check the keychain."),
        detail, core::ExitCode::Store};
}

core::Error notFound(const QString &entry)
{
    return core::Error {QStringLiteral("secrets.not_found"),
        QCoreApplication::translate(
            "stocktake::secrets::QtKeychainStore", "The OS keychain holds no entry %1 for Stocktake.")
            .arg(entry),
        QStringLiteral("no entry ") + entry, core::ExitCode::Failed};
}

core::Error fromJob(const QKeychain::Job *job, const QString &entry)
{
    if (!job)
        return unavailable(QStringLiteral("no answer from the keychain"));
    // errorString() describes the backend's trouble (D-Bus, libsecret); it never holds a value.
    const QString detail
        = QStringLiteral("%1 (%2): %3").arg(entry).arg(static_cast<int>(job->error())).arg(job->errorString());
    switch (job->error()) {
    case QKeychain::NoError:
        return failed(detail);
    case QKeychain::EntryNotFound:
        return notFound(entry);
    case QKeychain::AccessDeniedByUser:
        return denied(detail);
    case QKeychain::AccessDenied:  // libsecret: SECRET_ERROR_IS_LOCKED, a locked collection
    case QKeychain::NoBackendAvailable:
    case QKeychain::OtherError:  // libsecret: D-Bus failures (no bus, no daemon)
        return unavailable(detail);
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
        return failed(detail);
    }
    return failed(detail);
}

QString partKey(const QString &entry, int index)
{
    return entry + u'#' + QString::number(index);
}

QByteArray manifest(int count)
{
    QByteArray out(5, kChunked);
    for (int i = 0; i < 4; ++i)
        out[4 - i] = static_cast<char>((count >> (8 * i)) & 0xff);
    return out;
}

int manifestCount(const QByteArray &bytes)
{
    if (bytes.size() != 5 || bytes.at(0) != kChunked)
        return -1;
    int count = 0;
    for (int i = 1; i < 5; ++i)
        count = (count << 8) | static_cast<unsigned char>(bytes.at(i));
    return count;
}

}  // namespace

QtKeychainStore::QtKeychainStore(QObject *parent)
    : QtKeychainStore(Options {}, parent)
{ }

QtKeychainStore::QtKeychainStore(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{ }

void QtKeychainStore::run(
    QKeychain::Job *job, std::chrono::milliseconds timeout, std::function<void(QKeychain::Job *)> finished)
{
    auto settled = std::make_shared<bool>(false);
    auto callback = std::make_shared<std::function<void(QKeychain::Job *)>>(std::move(finished));
    job->setAutoDelete(true);
    job->setInsecureFallback(false);  // never plaintext (SECURITY B1)
    connect(job, &QKeychain::Job::finished, this, [settled, callback](QKeychain::Job *done) {
        if (*settled)
            return;
        *settled = true;
        (*callback)(done);
    });
    QTimer::singleShot(timeout, this, [settled, callback] {
        if (*settled)
            return;
        *settled = true;
        (*callback)(nullptr);
    });
    job->start();
}

void QtKeychainStore::readRaw(const QString &key, RawDone done, std::chrono::milliseconds timeout)
{
    auto *job = new QKeychain::ReadPasswordJob(m_options.service);
    job->setKey(key);
    run(job, timeout, [key, done = std::move(done)](QKeychain::Job *finished) {
        if (!finished || finished->error() != QKeychain::NoError)
            return done(fromJob(finished, key));
        done(static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData());
    });
}

void QtKeychainStore::writeRaw(const QString &key, const QByteArray &bytes, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(m_options.service);
    job->setKey(key);
    job->setBinaryData(bytes);
    run(job, m_options.timeout, [key, done = std::move(done)](QKeychain::Job *finished) {
        if (!finished || finished->error() != QKeychain::NoError)
            return done(fromJob(finished, key));
        done({});
    });
}

void QtKeychainStore::removeRaw(const QString &key, Done done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_options.service);
    job->setKey(key);
    run(job, m_options.timeout, [key, done = std::move(done)](QKeychain::Job *finished) {
        if (finished && (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound))
            return done({});
        done(fromJob(finished, key));
    });
}

void QtKeychainStore::read(const QString &entry, ReadDone done)
{
    readRaw(
        entry,
        [this, entry, done = std::move(done)](core::Result<QByteArray> raw) mutable {
            if (!raw)
                return done(raw.error());
            QByteArray bytes = std::move(raw.value());
            if (!bytes.isEmpty() && bytes.at(0) == kSingle) {
                SecretBytes value = SecretBytes::copyOf(QByteArrayView(bytes).sliced(1));
                SecretBytes::wipe(bytes);
                return done(std::move(value));
            }
            const int count = manifestCount(bytes);
            SecretBytes::wipe(bytes);
            if (count <= 0)
                return done(failed(entry + QStringLiteral(": not a Stocktake value")));
            // Read the parts one after another into one buffer.
            auto collected = std::make_shared<QByteArray>();
            auto step = std::make_shared<std::function<void(int)>>();
            *step = [this, entry, count, collected, step, done](int index) mutable {
                if (index > count) {
                    SecretBytes value = SecretBytes::copyOf(*collected);
                    SecretBytes::wipe(*collected);
                    const ReadDone finished = done;  // resetting *step destroys this lambda
                    *step = nullptr;                 // and breaks the cycle
                    return finished(std::move(value));
                }
                readRaw(
                    partKey(entry, index),
                    [entry, index, collected, step, done](core::Result<QByteArray> part) mutable {
                        if (!part) {
                            SecretBytes::wipe(*collected);
                            const core::Error error = part.error().is(u"secrets.not_found")
                                ? failed(entry + QStringLiteral(": a part is missing"))
                                : part.error();
                            *step = nullptr;
                            return done(error);
                        }
                        collected->append(part.value());
                        SecretBytes::wipe(part.value());
                        (*step)(index + 1);
                    },
                    m_options.timeout);
            };
            (*step)(1);
        },
        m_options.timeout);
}

void QtKeychainStore::writeParts(
    const QString &entry, std::shared_ptr<SecretBytes> value, int index, int count, Done done)
{
    if (index > count)
        return done({});
    const auto limit = static_cast<std::size_t>(m_options.chunkLimit);
    const std::size_t offset = static_cast<std::size_t>(index - 1) * limit;
    const std::size_t size = std::min(limit, value->size() - offset);
    QByteArray bytes(reinterpret_cast<const char *>(value->data() + offset), static_cast<qsizetype>(size));
    writeRaw(partKey(entry, index), bytes, [this, entry, value, index, count, done](core::Status status) mutable {
        if (!status)
            return done(status);
        writeParts(entry, std::move(value), index + 1, count, std::move(done));
    });
    SecretBytes::wipe(bytes);
}

void QtKeychainStore::removeParts(const QString &entry, int from, int to, Done done)
{
    if (from > to)
        return done({});
    removeRaw(partKey(entry, from), [this, entry, from, to, done](core::Status status) mutable {
        if (!status)
            return done(status);
        removeParts(entry, from + 1, to, std::move(done));
    });
}

void QtKeychainStore::write(const QString &entry, const SecretBytes &value, Done done)
{
    auto copy = std::make_shared<SecretBytes>(SecretBytes::copyOf(value.view()));
    // Learn how many parts an older value had, so none is left behind.
    readRaw(
        entry,
        [this, entry, copy, done = std::move(done)](core::Result<QByteArray> old) mutable {
            int oldParts = 0;
            if (old) {
                oldParts = std::max(0, manifestCount(old.value()));
                SecretBytes::wipe(old.value());
            } else if (!old.error().is(u"secrets.not_found")) {
                return done(old.error());
            }
            const qsizetype limit = m_options.chunkLimit;
            if (limit <= 0 || static_cast<qsizetype>(copy->size()) + 1 <= limit) {
                QByteArray bytes(1, kSingle);
                bytes.append(copy->view());
                writeRaw(entry, bytes, [this, entry, oldParts, done](core::Status status) mutable {
                    if (!status)
                        return done(status);
                    removeParts(entry, 1, oldParts, std::move(done));
                });
                SecretBytes::wipe(bytes);
                return;
            }
            const int count = static_cast<int>(
                (copy->size() + static_cast<std::size_t>(limit) - 1) / static_cast<std::size_t>(limit));
            // Parts first, the manifest last: a crash in between leaves the old value readable.
            writeParts(entry, copy, 1, count, [this, entry, count, oldParts, done](core::Status status) mutable {
                if (!status)
                    return done(status);
                writeRaw(entry, manifest(count), [this, entry, count, oldParts, done](core::Status written) mutable {
                    if (!written)
                        return done(written);
                    removeParts(entry, count + 1, oldParts, std::move(done));
                });
            });
        },
        m_options.timeout);
}

void QtKeychainStore::remove(const QString &entry, Done done)
{
    readRaw(
        entry,
        [this, entry, done = std::move(done)](core::Result<QByteArray> old) mutable {
            if (!old) {
                if (old.error().is(u"secrets.not_found"))
                    return done({});
                return done(old.error());
            }
            const int parts = std::max(0, manifestCount(old.value()));
            SecretBytes::wipe(old.value());
            // Parts first: a crash in between leaves a manifest that a later remove still finds.
            removeParts(entry, 1, parts, [this, entry, done](core::Status status) mutable {
                if (!status)
                    return done(status);
                removeRaw(entry, std::move(done));
            });
        },
        m_options.timeout);
}

void QtKeychainStore::probe(Done done, ProbeMode mode, std::chrono::milliseconds timeout)
{
    const auto asUnavailable = [](core::Error error) {
        qCDebug(lcKeychain).noquote() << "keychain probe failed:" << error.detail;
        return error.is(u"secrets.unavailable") ? error : unavailable(error.detail);
    };
    readRaw(
        kProbeEntry,
        [this, mode, asUnavailable, done = std::move(done)](core::Result<QByteArray> result) {
            if (result)
                SecretBytes::wipe(result.value());
            else if (!result.error().is(u"secrets.not_found"))
                return done(asUnavailable(result.error()));
            if (mode == ProbeMode::Read)
                return done({});
            writeRaw(kProbeEntry, QByteArray(1, kSingle), [this, asUnavailable, done](core::Status written) {
                if (!written)
                    return done(asUnavailable(written.error()));
                removeRaw(kProbeEntry, [asUnavailable, done](core::Status removed) {
                    done(removed ? removed : core::Status(asUnavailable(removed.error())));
                });
            });
        },
        timeout);
}

}  // namespace stocktake::secrets
