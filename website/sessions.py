"""Sessions in the database, cached in the shared cache: the cache speeds them up, never holds
them. With Redis gone every process reads them from PostgreSQL, so nobody is signed out."""

import logging

from django.contrib.sessions.backends import cached_db

logger = logging.getLogger(__name__)


class SessionStore(cached_db.SessionStore):
    def load(self):
        try:
            data = self._cache.get(self.cache_key)
        except Exception:
            data = None
        if data is not None:
            return data
        stored = self._get_session_from_db()
        if not stored:
            return {}
        data = self.decode(stored.session_data)
        try:
            self._cache.set(self.cache_key, data, self.get_expiry_age(expiry=stored.expire_date))
        except Exception:
            logger.warning("The session cache is unavailable; sessions come from the database")
        return data

    def exists(self, session_key):
        try:
            if session_key and (self.cache_key_prefix + session_key) in self._cache:
                return True
        except Exception:
            logger.warning("The session cache is unavailable; asking the database")
        return super(cached_db.SessionStore, self).exists(session_key)

    def delete(self, session_key=None):
        # The row goes first: a cache that cannot forget the copy must not keep it alive.
        key = session_key or self.session_key
        if key is None:
            return
        super(cached_db.SessionStore, self).delete(key)
        try:
            self._cache.delete(self.cache_key_prefix + key)
        except Exception:
            logger.warning("The session cache is unavailable; a signed-out copy may linger")
