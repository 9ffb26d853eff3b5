"""The userinfo claims of the tests' identity provider."""

# A user in this group has an e-mail address the IdP has not verified.
ONBEVESTIGD = "e-mail onbevestigd"


def userinfo(claims, user):
    claims["email"] = user.email
    claims["email_verified"] = not user.groups.filter(name=ONBEVESTIGD).exists()
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    return claims
