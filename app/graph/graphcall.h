// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graph/graphclient.h"
#include "secrets/secretbytes.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace stocktake::graph {

/// One request's life inside GraphClient: origin check → concurrency slot → pacer → token →
/// send → classify → retry, refresh, redirect or finish. Private to the client.
class GraphCall : public QObject {
    Q_OBJECT
public:
    GraphCall(GraphClient &client, quint64 id, GraphRequest request, GraphClient::Callback done);
    ~GraphCall() override;

    void start();
    void cancel();

private:
    friend class GraphClient;
    enum class Abort { None, TooLarge, Deadline, Cancelled };
    /// Bodies from this size on are parsed on the parser pool (a page of users or sign-ins is
    /// 300 KB to 1 MB); smaller ones at once, where a thread hop would cost more than the parse.
    static constexpr qsizetype kParseAsideBytes = qsizetype {64} * 1024;

    void enterQueue();
    void onSlot();
    void sendWith(const secrets::SecretBytes *token);
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void handleRedirect(int status);
    void handleUnauthorized();
    void retryLater(int status, std::chrono::milliseconds delay);
    void dropReply();
    void releaseSlot();
    /// A large JSON body is parsed on the client's parser pool; the call finishes when it is.
    void parseAside(GraphResponse response);
    void finishParsed(GraphResponse response, core::Result<QJsonObject> json);
    void finish(core::Result<GraphResponse> result);
    [[nodiscard]] qint64 bodyCap() const;
    [[nodiscard]] QString pathForLog() const;

    GraphClient &m_client;
    quint64 m_id;
    GraphRequest m_request;
    GraphClient::Callback m_done;
    QUrl m_url;                ///< current target (after same-origin redirects)
    bool m_anonymous = false;  ///< the usage-report download: no bearer token
    QPointer<QNetworkReply> m_reply;
    QString m_slotHost;
    bool m_holdsSlot = false;
    QByteArray m_body;
    Abort m_abort = Abort::None;
    int m_retries = 0;
    int m_redirects = 0;
    bool m_refreshed = false;
    secrets::SecretBytes m_freshToken;  ///< from refreshAfterUnauthorized, used once
    QTimer m_waitTimer;
    QTimer m_deadline;
    bool m_finished = false;
    /// Inside GraphClient::send(): a result is called back from the event loop, not at once.
    bool m_inSend = false;
};

}  // namespace stocktake::graph
