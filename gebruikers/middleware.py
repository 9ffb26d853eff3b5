"""Two-factor sign-in, enforced for every page (filled in by gebruikers/tweestaps.py)."""


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)
