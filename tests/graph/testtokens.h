// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "graph/tokensource.h"

#include <QByteArray>
#include <QList>
#include <QTimer>

namespace stocktake::testing {

/// A TokenSource over a list of tokens: accessToken() hands out the current one, each
/// refreshAfterUnauthorized() moves to the next (or fails with a sign-in error when the list
/// is spent). Answers on the next event-loop turn, as a real token session would.
class ListTokenSource final : public graph::TokenSource {
public:
    explicit ListTokenSource(QList<QByteArray> tokens)
        : m_tokens(std::move(tokens))
    { }

    void accessToken(TokenCallback done) override
    {
        ++accessCalls;
        answer(std::move(done));
    }

    void refreshAfterUnauthorized(TokenCallback done) override
    {
        ++refreshCalls;
        ++m_index;
        answer(std::move(done));
    }

    int accessCalls = 0;
    int refreshCalls = 0;

private:
    void answer(TokenCallback done)
    {
        const qsizetype index = m_index;
        const QByteArray token = m_tokens.value(index);
        QTimer::singleShot(0, [done = std::move(done), token, index, size = m_tokens.size()] {
            if (index >= size) {
                done(core::Error {QStringLiteral("auth.refresh_failed"), QStringLiteral("Sign in again."),
                    QStringLiteral("test token list spent"), core::ExitCode::SignIn});
                return;
            }
            done(secrets::SecretBytes::copyOf(token));
        });
    }

    QList<QByteArray> m_tokens;
    qsizetype m_index = 0;
};

}  // namespace stocktake::testing
