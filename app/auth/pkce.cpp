// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/pkce.h"

#include "secrets/secretbytes.h"

#include <QCryptographicHash>

namespace stocktake::auth {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray randomBase64Url(std::size_t bytes)
{
    const auto raw = secrets::SecretBytes::random(bytes);
    return raw.view().toByteArray().toBase64(kBase64Url);
}

}  // namespace

QByteArray Pkce::makeVerifier()
{
    return randomBase64Url(32);
}

QByteArray Pkce::challengeFor(QByteArrayView verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kBase64Url);
}

QByteArray Pkce::makeState()
{
    return randomBase64Url(16);
}

bool Pkce::constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

bool Pkce::isValidVerifier(QByteArrayView verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    for (const char c : verifier) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~';
        if (!unreserved)
            return false;
    }
    return true;
}

}  // namespace stocktake::auth
