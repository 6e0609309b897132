// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <initializer_list>
#include <optional>

namespace stocktake::tenantsim {

/// What a hash or an id is for; keeps the streams of users, groups, events… apart.
enum HashKind : quint64 {
    kUser = 1,
    kGroup,
    kServicePrincipal,
    kDevice,
    kApp,
    kGrant,
    kSignIn,
    kSku,
    kPlan,
    kMessage,
    kAttachment,
    kMutation,
    kRequestId,
    kInvoice,
};

/// Deterministic hashing: every generated value is a pure function of the seed and a few
/// integers (user index, day, event number), so nothing large has to be stored and the same
/// seed always gives the same tenant on every platform.
class SimHash {
public:
    /// splitmix64's finaliser: a cheap, well-mixed 64-bit permutation.
    static constexpr quint64 mix(quint64 x)
    {
        x += 0x9E3779B97F4A7C15ULL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
        return x ^ (x >> 31);
    }

    static quint64 of(quint64 seed, std::initializer_list<quint64> parts)
    {
        quint64 h = mix(seed);
        for (const quint64 p : parts) {
            h = mix(h ^ p);
        }
        return h;
    }

    /// A value in [0, n); n > 0.
    static quint32 below(quint64 h, quint32 n) { return static_cast<quint32>((h >> 11) % n); }

    /// True with probability permille / 1000.
    static bool chance(quint64 h, quint32 permille) { return below(h, 1000) < permille; }

    /// A GUID-shaped string (version 4 layout) from two hashes.
    static QString guid(quint64 hi, quint64 lo)
    {
        const QString hex = QStringLiteral("%1%2").arg(hi, 16, 16, QLatin1Char('0')).arg(lo, 16, 16, QLatin1Char('0'));
        static constexpr char kVariant[] = "89ab";
        return hex.left(8) + u'-' + hex.mid(8, 4) + QStringLiteral("-4") + hex.mid(13, 3) + u'-'
            + QLatin1Char(kVariant[lo >> 62]) + hex.mid(17, 3) + u'-' + hex.mid(20, 12);
    }

    /// A GUID for (kind, index) under a seed: kinds keep users, groups, events… apart.
    static QString guid(quint64 seed, quint64 kind, quint64 index)
    {
        return guid(of(seed, {kind, index, 1}), of(seed, {kind, index, 2}));
    }

    /// A directory object id: GUID-shaped, random-looking, and reversible to (kind, index) so no
    /// id table is needed. The last 12 hex digits are a keyed 48-bit Feistel permutation of
    /// (kind, index); the rest comes from a hash of the same and is checked on the way back.
    static QString objectId(quint64 seed, quint64 kind, quint64 index)
    {
        QString id = guid(of(seed, {kind, index, 1}), of(seed, {kind, index, 2}));
        const quint64 plain = ((kind & 0xffU) << 40) | (index & 0xffffffffffULL);
        id.replace(24, 12, QStringLiteral("%1").arg(feistel(seed, plain, false), 12, 16, QLatin1Char('0')));
        return id;
    }

    static std::optional<quint64> objectIndex(quint64 seed, quint64 kind, const QString &id)
    {
        if (id.size() != 36) {
            return std::nullopt;
        }
        bool ok = false;
        const quint64 cipher = id.mid(24).toULongLong(&ok, 16);
        if (!ok) {
            return std::nullopt;
        }
        const quint64 plain = feistel(seed, cipher, true);
        if ((plain >> 40) != (kind & 0xffU)) {
            return std::nullopt;
        }
        const quint64 index = plain & 0xffffffffffULL;
        if (objectId(seed, kind, index).compare(id, Qt::CaseInsensitive) != 0) {
            return std::nullopt;
        }
        return index;
    }

    /// Opaque base64url text of n bytes (ids of grants, messages, attachments).
    static QString opaque(quint64 seed, quint64 kind, quint64 index, int bytes)
    {
        QByteArray raw;
        raw.reserve(bytes + 8);
        for (quint64 i = 0; raw.size() < bytes; ++i) {
            const quint64 h = of(seed, {kind, index, 100 + i});
            raw.append(reinterpret_cast<const char *>(&h), sizeof h);
        }
        raw.truncate(bytes);
        return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }

private:
    static quint64 feistel(quint64 seed, quint64 value, bool inverse)
    {
        constexpr quint64 kHalf = 0xffffffULL;
        quint64 left = (value >> 24) & kHalf;
        quint64 right = value & kHalf;
        constexpr int kRounds = 4;
        for (int i = 0; i < kRounds; ++i) {
            const quint64 round = inverse ? static_cast<quint64>(kRounds - 1 - i) : static_cast<quint64>(i);
            if (!inverse) {
                const quint64 next = left ^ (of(seed, {0xFE15, round, right}) & kHalf);
                left = right;
                right = next;
            } else {
                const quint64 previous = right ^ (of(seed, {0xFE15, round, left}) & kHalf);
                right = left;
                left = previous;
            }
        }
        return (left << 24) | right;
    }
};

}  // namespace stocktake::tenantsim
