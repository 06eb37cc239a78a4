// A real OpenID Connect provider for the tests (npm's oidc-provider), on
// 127.0.0.1. Its own sign-in pages (devInteractions) take any login name as the
// subject; the email claim is that name at school.test.
//   node provider.mjs PORT REDIRECT_URI[,REDIRECT_URI...] CLIENT_SECRET
import Provider from "oidc-provider";

const [port, redirectUris, clientSecret] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "alongside",
      client_secret: clientSecret,
      redirect_uris: redirectUris.split(","),
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  async findAccount(ctx, sub) {
    return {
      accountId: sub,
      async claims() {
        return { sub, email: `${sub}@school.test`, email_verified: true, name: sub };
      },
    };
  },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
});
provider.proxy = false;
// Quiet: the tests read only the line below.
provider.on("server_error", (ctx, error) => console.error(error));
provider.listen(Number(port), "127.0.0.1", () => console.log(`ready ${issuer}`));
