// The sandbox provider's hosted card form. The card goes from here to the provider's token
// endpoint only; the portal's page gets the token (never the card) by postMessage.
const text = JSON.parse(document.documentElement.dataset.text || '{}');
const form = document.getElementById('card-form');
const error = document.getElementById('error');
const submit = document.getElementById('submit');
const challenge = document.getElementById('challenge');
const done = document.getElementById('done');

function send(card) {
  window.parent.postMessage(
    { type: 'sandbox-pay:token', token: card.token, brand: card.brand, last4: card.last4 },
    window.location.origin,
  );
  form.hidden = true;
  challenge.hidden = true;
  done.textContent = `${text.accepted || 'Card accepted'}: ${card.brand.toUpperCase()} •••• ${card.last4}`;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.textContent = '';
  const [month = '', year = ''] = form.expiry.value.split('/').map((part) => part.trim());
  submit.disabled = true;
  try {
    const response = await fetch('/sandbox-pay/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        number: form.number.value,
        expMonth: month,
        expYear: year,
        cvc: form.cvc.value,
      }),
    });
    const answer = await response.json();
    if (!response.ok) {
      error.textContent = text.errors?.[answer.code] || answer.message || 'Check the card.';
      return;
    }
    if (!answer.challenge) return send(answer);
    form.hidden = true;
    challenge.hidden = false;
    document.getElementById('approve').focus();
    const answerChallenge = async (approve) => {
      await fetch(`/sandbox-pay/tokens/${answer.token}/challenge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ approve }),
      });
      send(answer);
    };
    document.getElementById('approve').onclick = () => answerChallenge(true);
    document.getElementById('reject').onclick = () => answerChallenge(false);
  } catch {
    error.textContent = text.unreachable || 'The payment service could not be reached. Try again.';
  } finally {
    submit.disabled = false;
  }
});
