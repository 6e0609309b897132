// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace stocktake::graph {

/// The origin (scheme, host, port) the bearer token may go to (SECURITY.md D2, D3).
class GraphOrigin {
public:
    GraphOrigin() = default;
    explicit GraphOrigin(const QUrl &root);

    /// https, or http on a loopback host; no user info, no fragment.
    [[nodiscard]] static bool isAcceptableRoot(const QUrl &root);
    /// 127.0.0.0/8, ::1 and localhost.
    [[nodiscard]] static bool isLoopbackHost(const QString &host);
    /// https, or http on loopback: where an unauthenticated download may go.
    [[nodiscard]] static bool isAcceptableDownload(const QUrl &url);

    [[nodiscard]] bool isValid() const { return m_valid; }
    /// Same scheme, host (case-insensitive) and effective port as the root.
    [[nodiscard]] bool contains(const QUrl &url) const;
    [[nodiscard]] static QString originOf(const QUrl &url);
    [[nodiscard]] QString toString() const;

private:
    QString m_scheme;
    QString m_host;
    int m_port = -1;
    bool m_valid = false;
};

}  // namespace stocktake::graph
