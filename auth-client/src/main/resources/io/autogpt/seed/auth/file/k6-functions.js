export function getPreAuthenticatedToken(vuId = 1) {
  if (PRE_AUTHENTICATED_TOKENS.length === 0) {
    throw new Error('No pre-authenticated tokens available. Run: autogpt-seed tokens');
  }

  const tokenIndex = (vuId - 1) % PRE_AUTHENTICATED_TOKENS.length;
  const tokenData = PRE_AUTHENTICATED_TOKENS[tokenIndex];

  return {
    access_token: tokenData.token,
    user: { email: tokenData.user },
    generated: tokenData.generated,
  };
}

// One session id per loaded module, so a test run's requests can be told apart in server logs.
const LOAD_TEST_SESSION_ID = `${TOKEN_STATS.generated.slice(0, 16).replace(/:/g, '-')}-${Date.now().toString(36)}`;

export function getPreAuthenticatedHeaders(vuId = 1) {
  const authData = getPreAuthenticatedToken(vuId);

  return {
    'Content-Type': 'application/json',
    'Authorization': `Bearer ${authData.access_token}`,
    'X-Load-Test-Session': LOAD_TEST_SESSION_ID,
    'X-Load-Test-VU': vuId.toString(),
    'X-Load-Test-User': authData.user.email,
  };
}

console.log(`Loaded ${TOKEN_STATS.total} pre-authenticated tokens from ${TOKEN_STATS.users} users`);
