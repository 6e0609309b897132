// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/profilestore.h"

#include <QWizard>

#include <memory>

namespace stocktake::core {
class Clock;
}
namespace stocktake::secrets {
class QtKeychainStore;
}

namespace stocktake::ui {

class ProfileSession;

/// The first run: add a tenant profile (its key goes to the keychain, its encrypted database
/// is created), sign in (device code shown large with a copy button, or the system browser),
/// and the first sync with a progress bar and cancel. Each step does its work for real; the
/// wizard can be left after any of them and the profile stays usable (the window offers sign-in
/// and sync again).
class FirstRunWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { TenantPageId, SignInPageId, SyncPageId };

    FirstRunWizard(store::ProfileStore profiles, secrets::QtKeychainStore &keychain, const core::Clock &clock,
        QWidget *parent = nullptr);
    ~FirstRunWizard() override;

    /// The profile the wizard created; empty until the first page is done.
    [[nodiscard]] std::optional<store::Profile> createdProfile() const;
    /// The open session of the created profile (owned by the wizard until taken).
    [[nodiscard]] std::unique_ptr<ProfileSession> takeSession();

    /// For tests and scripted setups: prefills the tenant page.
    void prefill(const store::Profile &profile);

private:
    class TenantPage;
    class SignInPage;
    class SyncPage;
    friend class TenantPage;
    friend class SignInPage;
    friend class SyncPage;

    store::ProfileStore m_profiles;
    secrets::QtKeychainStore &m_keychain;
    const core::Clock &m_clock;
    std::optional<store::Profile> m_profile;
    std::unique_ptr<ProfileSession> m_session;
    TenantPage *m_tenantPage;
};

}  // namespace stocktake::ui
