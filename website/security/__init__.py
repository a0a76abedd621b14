"""Security of the site as a whole: response headers, the CSP, staff sign-in and sessions."""
