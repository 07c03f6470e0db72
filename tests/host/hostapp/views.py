"""The stand-in host's landing page after signing in (settings.LOGIN_REDIRECT_URL).

Django's default, /accounts/profile/, does not exist here. Staff who may manage or inspect a
training land on Trainings, authors without one on the Author tool, everyone else on Learning
Records.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from author_certificates import api


@login_required
def signed_in(request):
    tenant = api.tenant_of_request(request=request)
    if api.may_manage_trainings(user=request.user, tenant=tenant):
        return redirect("author_certificates:trainings")
    if api.can_author(request.user, tenant):
        return redirect("author_certificates:studio-list")
    return redirect("author_certificates:learning_records")
