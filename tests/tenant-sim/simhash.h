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

    /// A GUID-shaped string (version 4 layout) from two hashes. Written digit by digit: this
    /// runs for every id of every page served.
    static QString guid(quint64 hi, quint64 lo)
    {
        static constexpr char kHex[] = "0123456789abcdef";
        char out[36];
        int at = 0;
        const auto digits = [&](quint64 v, int count) {
            for (int i = count - 1; i >= 0; --i) {
                out[at++] = kHex[(v >> (4 * i)) & 0xf];
            }
        };
        digits(hi >> 32, 8);
        out[at++] = '-';
        digits(hi >> 16, 4);
        out[at++] = '-';
        out[at++] = '4';
        digits(hi, 3);
        out[at++] = '-';
        out[at++] = "89ab"[lo >> 62];
        digits(lo >> 48, 3);
        out[at++] = '-';
        digits(lo, 12);
        return QString::fromLatin1(out, 36);
    }

    /// ISO 8601 UTC with whole seconds ("2026-11-20T15:30:00Z") from seconds since the epoch,
    /// without QDateTime (civil-from-days, H. Hinnant's algorithm).
    static QString isoUtc(qint64 seconds)
    {
        const qint64 days = (seconds >= 0 ? seconds : seconds - 86399) / 86400;
        const qint64 secs = seconds - days * 86400;
        const qint64 z = days + 719468;
        const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
        const qint64 doe = z - era * 146097;
        const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const qint64 mp = (5 * doy + 2) / 153;
        const qint64 day = doy - (153 * mp + 2) / 5 + 1;
        const qint64 month = mp < 10 ? mp + 3 : mp - 9;
        const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        char out[21];
        const auto two = [&out](int at, qint64 v) {
            out[at] = static_cast<char>('0' + v / 10);
            out[at + 1] = static_cast<char>('0' + v % 10);
        };
        two(0, year / 100);
        two(2, year % 100);
        out[4] = '-';
        two(5, month);
        out[7] = '-';
        two(8, day);
        out[10] = 'T';
        two(11, secs / 3600);
        out[13] = ':';
        two(14, secs / 60 % 60);
        out[16] = ':';
        two(17, secs % 60);
        out[19] = 'Z';
        return QString::fromLatin1(out, 20);
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
        // The last 12 hex digits of guid() are lo's low 48 bits: put the cipher there.
        const quint64 plain = ((kind & 0xffU) << 40) | (index & 0xffffffffffULL);
        const quint64 lo = (of(seed, {kind, index, 2}) & ~0xffffffffffffULL) | feistel(seed, plain, false);
        return guid(of(seed, {kind, index, 1}), lo);
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
