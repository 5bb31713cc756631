// The handlers of the web app's pages (web_app.cc lists them with their paths and the
// roles they need). Each reads its parameters, calls one use case, and renders a template
// with the words of report/.
#pragma once

#include "tpmkit/server/call.h"

namespace tpmkit::server::web::pages {

// Static files and accounts (pages_account.cc).
HttpResponse StaticFile(Call& call);
HttpResponse LoginForm(Call& call);
HttpResponse LoginSubmit(Call& call);
HttpResponse LogoutSubmit(Call& call);

// The portfolio, the dashboard and the status report (pages_program.cc).
HttpResponse Portfolio(Call& call);
HttpResponse Dashboard(Call& call);
HttpResponse StatusReport(Call& call);

// The risk register and its forms (pages_risks.cc).
HttpResponse Risks(Call& call);
HttpResponse AddRisk(Call& call);

}  // namespace tpmkit::server::web::pages
