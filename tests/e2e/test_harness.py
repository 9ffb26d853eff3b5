"""The checks of the browser tests can fail: axe and the CSP listener report what they see."""

import pytest

pytestmark = pytest.mark.e2e


def test_axe_reports_a_serious_violation(browse):
    user = browse()
    user.log_in("regie")
    # A button without a name: axe's rule button-name, impact critical.
    user.page.evaluate(
        "() => document.querySelector('main').append(document.createElement('button'))"
    )
    with pytest.raises(AssertionError, match="button-name"):
        user.audit()


def test_an_inline_script_is_a_reported_csp_violation(browse):
    user = browse()
    user.log_in("regie")
    user.page.evaluate(
        """() => {
          const script = document.createElement('script');
          script.textContent = 'window.ran = true';
          document.body.append(script);
        }"""
    )
    user.page.wait_for_timeout(200)
    assert not user.page.evaluate("() => window.ran === true")
    assert any(problem.startswith("CSP script-src") for problem in user.problems), user.problems
    # An inline style too: only axe's own copies of stylesheets, while it runs, are let through.
    user.page.evaluate("() => document.head.append(document.createElement('style'))")
    user.page.wait_for_timeout(200)
    assert any(problem.startswith("CSP style-src") for problem in user.problems), user.problems


def test_an_error_page_asked_for_is_clean_but_a_failed_load_is_reported(browse):
    user = browse()
    user.log_in("regie")
    user.open("/bestaat-niet/", status=404)
    assert user.problems == []
    # The same status on anything else than the page the test opened is still a problem.
    with user.page.expect_console_message(lambda message: message.type == "error"):
        user.page.evaluate(
            """() => {
              const img = document.createElement('img');
              img.alt = '';
              img.src = '/ontbreekt.png';
              document.querySelector('main').append(img);
            }"""
        )
    assert any("status of 404" in problem for problem in user.problems), user.problems
