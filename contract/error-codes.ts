import { type ValidationRule, validationMessages } from './validation.ts';

/**
 * Every code the API answers an error with, apart from `validation.<rule>` (validation.ts), and
 * what it means. The server's `DomainError` and error handler accept only these codes, and the web
 * dictionaries must have a text for each: a new code is a type error until it is described here and
 * translated in every language. The descriptions go into the OpenAPI document.
 */
export const errorCodes = {
  // Sessions and permissions
  'auth.required': 'No valid session: log in first.',
  'auth.invalid_credentials': 'The email or password is incorrect.',
  'auth.forbidden': "The user's role does not allow this action.",
  'auth.wrong_actor':
    'This endpoint is for another kind of account (partner user, vendor staff, account admin).',
  'auth.csrf': 'The x-csrf-token header is missing or wrong.',
  rate_limited: 'Too many attempts; `retryAfterSeconds` says when to try again.',
  'session.not_found': 'No such session of yours (it ended, or it is not yours).',
  'link.not_found': 'The sign-in or invitation link has expired or was used already.',

  // Customer accounts
  'customer.lookup_failed': 'No customer account matches this identifier and email.',
  'customer.email_required': 'An email associated with the account is needed to open it.',
  'customer.email_unknown': 'No customer account is associated with this email.',
  'customer.not_open': 'The customer account is not (or no longer) open in this session.',
  'customer.not_found': 'No customer account has this Customer ID.',
  'customer.managed_not_found': "None of the partner's managed customer accounts has this Customer ID.",
  'grant.not_found': 'The partner is not a Purchaser of this customer account.',

  // Product Catalog
  'catalog.product_not_found': 'No product with this code in the Product Catalog.',
  'catalog.price_not_found': "The product has no price in the partner's currency.",
  'catalog.not_for_sale': 'The product is not sold in the requested currency.',

  // Cart
  'cart.empty': 'The cart has no lines.',
  'cart.full': 'The cart holds its maximum number of lines (`params.max`).',
  'cart.line_not_found': 'No such line in the cart.',
  'cart.unavailable_lines':
    'Some products in the cart can no longer be sold as they are (`params.products`).',
  'cart.service_domain_required': 'A cloud product needs the service domain it is for.',
  'cart.service_domain_not_applicable': 'Only cloud products take a service domain.',
  'cart.service_domain_in_cart': 'The service domain is already in the cart for this product.',
  'cart.service_domain_subscribed': 'The service domain already has a subscription to this product.',
  'cart.period_end_out_of_range':
    'The chosen end date is outside the allowed range (`params.min`, `params.max`).',
  'cart.team_not_found': 'The customer account has no such team.',
  'cart.pack_not_found': 'The customer account has no such subscription pack.',
  'cart.pack_ended': 'The subscription pack has ended: new licenses cannot join it.',
  'cart.license_in_cart': 'Some of the licenses are in the cart already.',
  'cart.downgrade_product': 'An All Products Pack is downgraded to one of the single products it includes.',
  'cart.quantity_fixed': 'A line for chosen licenses keeps their number of seats.',
  'cart.term_not_applicable': 'An upgrade line takes an end date, not a term.',

  // Quotes
  'quote.not_found': 'No such quote for this partner.',
  'quote.not_cancellable': "The quote's status (`params.status`) does not allow cancelling it.",
  'quote.changed': 'The quote changed since it was read.',
  'quote.not_sendable': 'Only an open quote can be emailed.',
  'quote.not_editable': "The quote's status (`params.status`) does not allow changing its resale prices.",
  'quote.line_not_found': 'The quote has no line `params.lineNo`.',
  'quote.not_orderable': "The quote's status does not allow ordering it.",
  'quote.ordering': 'An order for this quote is being placed right now.',
  'quote.billing_address_required': 'No billing address is on file: the request must give one.',
  'quote.direct_not_found': 'No vendor direct quote has this number.',
  'quote.not_direct': 'The number is a reseller quote, not a vendor direct quote.',
  'quote.direct_converted': 'The direct quote has already been converted.',
  'quote.direct_cancelled': 'The direct quote was cancelled.',
  'quote.direct_expired': 'The direct quote has expired.',
  'quote.direct_ordered': 'The direct quote has already been ordered.',
  'quote.direct_currency': 'The direct quote is in another currency than the partner buys in.',

  // Licenses
  'licenses.too_many': 'Too many License IDs or keys in one search (`params.max`).',
  'licenses.not_found': 'No such license in this customer account.',
  'licenses.not_renewable': 'The license is outside its renewal window.',
  'licenses.already_renewed': 'The license is already paid for the next period.',
  'licenses.not_upgradable': 'Only a running single product can be upgraded to the All Products Pack.',
  'licenses.not_downgradable': 'An All Products Pack can be downgraded only in its renewal window.',
  'licenses.assign_not_allowed': "Assigning licenses needs the account opened with the customer's email.",
  'licenses.already_assigned': 'The license is assigned to someone already.',

  // Orders, payment and invoices
  'orders.postpaid_not_allowed': 'The partner has no credit terms: the order must be paid by card.',
  'order.not_found': 'No such order for this partner.',
  'order.no_activation': 'The order has no licensee or no license keys to send.',
  'idempotency.key_reused': 'The Idempotency-Key was used for another request.',
  'payment.declined': 'The card payment was declined.',
  'payment.paypal_declined': 'PayPal did not complete the payment.',
  'payment.paypal_not_offered': 'PayPal is not offered to this partner.',
  'payment.unavailable': 'The payment provider did not answer; nothing was charged twice.',
  'payment_method.not_found': 'No such stored payment method.',
  'payment_method.unknown_token': 'The card token is unknown: enter the card again.',
  'payment_method.paypal_not_approved': 'PayPal did not confirm the account.',
  'payment_method.paypal_setup_not_found': 'The PayPal approval was not started here.',
  'sandbox.card_number': 'Sandbox payment form: the card number is not valid.',
  'sandbox.expiry': 'Sandbox payment form: the expiry date is not valid or has passed.',
  'sandbox.cvc': 'Sandbox payment form: the security code is not valid.',
  'invoice.not_found': 'No such invoice for this partner.',
  'invoice.not_unpaid': 'The invoice is settled already.',
  'credit_note.not_found': 'The invoice has no credit note.',

  // Partners, users and staff
  'partner.not_found': 'No such partner.',
  'partner.name_taken': 'A partner of this name exists already.',
  'user.not_found': "No such user in the partner's organisation.",
  'user.email_taken': 'The email already has a Partner Portal login.',
  'user.already_invited': 'The email has a pending invitation already.',
  'user.yourself': 'Administrators cannot change their own login.',
  'user.last_admin': 'The organisation needs at least one administrator.',
  'invitation.not_found': 'No such pending invitation.',
  'invitation.email_has_login': 'The invited email already has a Partner Portal login.',
  'staff.email_taken': 'The email is already a vendor staff member.',
  'staff.password_too_short': 'The staff password is too short.',

  // Development mailbox
  'mail.mailbox_not_found': 'This portal keeps no development mailbox.',
  'mail.not_found': 'No such email in the mailbox.',

  // Requests the server could not read, and the server itself
  'request.bad_url': 'The address has a broken percent-encoding.',
  'request.url_too_long': 'A part of the address is too long.',
  'request.invalid_json': 'The body is not valid JSON.',
  'request.empty_body': 'The body is empty, but its Content-Type says JSON.',
  'request.unsupported_media_type': 'The body is not sent as application/json.',
  'request.body_too_large': 'The body is too large.',
  'request.invalid_content_length': 'The Content-Length header does not match the body.',
  'request.invalid': 'The request could not be read (the message says why).',
  'route.not_found': 'No such API route.',
  'database.busy': 'The database is busy: try again in a moment.',
  'database.timeout': 'The database took too long: try again in a moment.',
  'health.starting': 'The server is starting and takes no requests yet.',
  'health.stopping': 'The server is shutting down: the balancer sends requests elsewhere.',
  'health.database_down': 'The server cannot reach its database.',
  'database.unavailable':
    'The connection to the database was lost (a restart, a failover): try again in a moment.',
  internal: 'An unexpected error on the server.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof errorCodes;

/** The code of a broken validation rule. */
export type ValidationErrorCode = `validation.${ValidationRule}`;

/** Every code an API error can carry. */
export type ApiErrorCode = ErrorCode | ValidationErrorCode;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(errorCodes, code);

export const apiErrorCodes = [
  ...(Object.keys(errorCodes) as ErrorCode[]),
  ...(Object.keys(validationMessages) as ValidationRule[]).map(
    (rule): ValidationErrorCode => `validation.${rule}`,
  ),
] as [ApiErrorCode, ...ApiErrorCode[]];
