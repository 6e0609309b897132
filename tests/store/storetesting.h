// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/secretbytes.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <openssl/evp.h>

namespace stocktake::testing {

/// What "the file is unchanged" means in the store tests: same bytes, same mtime, and no
/// -wal or -shm beside it.
struct FileFingerprint {
    QByteArray sha256;
    QDateTime modified;
    bool wal = false;
    bool shm = false;

    static FileFingerprint of(const QString &path)
    {
        FileFingerprint f;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            f.sha256 = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
        f.modified = QFileInfo(path).fileTime(QFileDevice::FileModificationTime);
        f.wal = QFileInfo::exists(path + QStringLiteral("-wal"));
        f.shm = QFileInfo::exists(path + QStringLiteral("-shm"));
        return f;
    }
    bool operator==(const FileFingerprint &other) const = default;
};

inline secrets::SecretBytes fixedKey(unsigned char seed)
{
    secrets::SecretBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i)
        key.data()[i] = static_cast<unsigned char>(seed + i * 7);
    return key;
}

/// Flips one byte of the file at `offset` (tampering).
inline bool flipByte(const QString &path, qint64 offset)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(offset))
        return false;
    char byte = 0;
    if (file.read(&byte, 1) != 1 || !file.seek(offset))
        return false;
    byte = static_cast<char>(byte ^ 0x5a);
    return file.write(&byte, 1) == 1;
}

/// How many pages of a SQLCipher 4 file (raw key, default settings: 4096-byte pages, 80 reserved
/// bytes = 16 IV + 64 HMAC-SHA512) contain `needle` once decrypted, free pages included. The
/// Debian library lacks the sqlite_dbpage table, so the test decrypts pages itself (SECURITY C5).
inline int pagesContaining(const QString &path, const secrets::SecretBytes &key, const QByteArray &needle)
{
    constexpr int kPage = 4096;
    constexpr int kReserve = 80;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray bytes = file.readAll();
    int hits = 0;
    for (qsizetype offset = 0; offset + kPage <= bytes.size(); offset += kPage) {
        const auto *page = reinterpret_cast<const unsigned char *>(bytes.constData() + offset);
        const int skip = offset == 0 ? 16 : 0;  // page 1 starts with the salt
        const int length = kPage - kReserve - skip;
        QByteArray plain(length, '\0');
        EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
        int out = 0;
        EVP_DecryptInit_ex(ctx, EVP_aes_256_cbc(), nullptr, key.data(), page + kPage - kReserve);
        EVP_CIPHER_CTX_set_padding(ctx, 0);
        EVP_DecryptUpdate(ctx, reinterpret_cast<unsigned char *>(plain.data()), &out, page + skip, length);
        EVP_CIPHER_CTX_free(ctx);
        if (plain.contains(needle))
            ++hits;
    }
    return hits;
}

}  // namespace stocktake::testing
