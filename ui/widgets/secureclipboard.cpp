// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secureclipboard.h"

#include <QClipboard>
#include <QMimeData>

namespace stocktake::ui {

SecureClipboard::SecureClipboard(QClipboard *clipboard, QObject *parent)
    : QObject(parent)
    , m_clipboard(clipboard)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SecureClipboard::clearIfOurs);
}

SecureClipboard::~SecureClipboard()
{
    clearIfOurs();
}

void SecureClipboard::copyText(const QString &text)
{
    auto *mime = new QMimeData;
    mime->setText(text);
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    mime->setData(QStringLiteral("application/x-nspasteboard-concealed-type"), QByteArray());
    mime->setData(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing"), QByteArrayLiteral("1"));
    m_clipboard->setMimeData(mime, QClipboard::Clipboard);
    m_lastCopied = text;
    if (m_clearAfterMs > 0)
        m_timer.start(m_clearAfterMs);
}

void SecureClipboard::clearIfOurs()
{
    m_timer.stop();
    if (m_lastCopied.isEmpty())
        return;
    // Someone else's later copy is theirs: leave it.
    if (m_clipboard->text(QClipboard::Clipboard) == m_lastCopied)
        m_clipboard->clear(QClipboard::Clipboard);
    m_lastCopied.clear();
}

}  // namespace stocktake::ui
