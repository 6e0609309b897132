// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/profilestore.h"

#include <QUrl>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QRadioButton;

namespace stocktake::auth {
class SignIn;
class UrlOpener;
}  // namespace stocktake::auth
namespace stocktake::secrets {
class KeyStore;
}

namespace stocktake::ui {

/// Signs a profile in, for the first-run wizard and the window's "Sign in" action: the device
/// code (shown large, with a copy button and a button that opens the verification page) or the
/// system browser (authorization code + PKCE on a loopback redirect). Errors appear as one
/// plain line; a missing consent adds the admin-consent link.
class SignInPanel : public QWidget {
    Q_OBJECT

public:
    SignInPanel(const store::Profile &profile, secrets::KeyStore &keys, QWidget *parent = nullptr);
    ~SignInPanel() override;

    [[nodiscard]] bool isSignedIn() const { return m_signedIn; }
    /// Starts the chosen flow, as the Sign in button does.
    void start();
    /// Ends a running flow.
    void cancel();

Q_SIGNALS:
    void signedIn();

private:
    void setRunning(bool running);

    std::unique_ptr<auth::UrlOpener> m_opener;
    auth::SignIn *m_signIn;
    QRadioButton *m_deviceCode;
    QRadioButton *m_browser;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QWidget *m_codeBox;
    QLabel *m_code;
    QLabel *m_where;
    QPushButton *m_copy;
    QPushButton *m_openPage;
    QLabel *m_status;
    QUrl m_verificationUri;
    bool m_signedIn = false;
};

}  // namespace stocktake::ui
