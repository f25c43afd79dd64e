// Calls to the wagtail-ward API. The base address is configurable (?api=https://ward.example):
// the client may be served by the site itself (/client/) or from another origin, which the site
// must list in CORS_ALLOWED_ORIGINS (django-cors-headers).

export class ApiError extends Error {
  constructor(status, data) {
    super((data && data.message) || `HTTP ${status}`);
    this.status = status;
    this.data = data;
  }
}

export function createApi(base, lang) {
  const root = base.replace(/\/+$/, "");

  async function request(path, params = {}, options = {}) {
    const url = new URL(root + path);
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined && value !== null) url.searchParams.set(name, value);
    }
    const response = await fetch(url, {
      credentials: "omit",
      ...options,
      headers: { Accept: "application/json", "Accept-Language": lang, ...(options.headers || {}) },
    });
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    if (!response.ok && !options.acceptStatus?.includes(response.status)) {
      throw new ApiError(response.status, data);
    }
    return { status: response.status, data };
  }

  return {
    root,
    // An address from the API (e.g. "/media/images/…") made absolute on the API's site.
    url: (path) => new URL(path, `${root}/`).href,
    siteInfo: () => request("/api/ward/site-info/", { locale: lang }).then((r) => r.data),
    latestNews: (limit) =>
      request("/api/v2/news/", {
        locale: lang,
        order: "-date",
        limit,
        fields: "date,lead,category,featured_image_thumbnail",
      }).then((r) => r.data),
    article: (id) => request(`/api/v2/news/${encodeURIComponent(id)}/`).then((r) => r.data),
    translation: (id, locale) =>
      request("/api/v2/pages/", { translation_of: id, locale, fields: "" }).then(
        (r) => r.data.items[0] || null,
      ),
    scheduleCovering: () =>
      request("/api/v2/schedules/covering/", { locale: lang }).then((r) => r.data),
    // Any id of the poll's languages: the API answers with its translation in ?locale=.
    poll: (id, token) =>
      request(`/api/ward/polls/${encodeURIComponent(id)}/`, { locale: lang }, {
        headers: { "X-Ward-Voter": token },
      }).then((r) => r.data),
    // 201 counted; 400, 403, 409 and 429 come with a message to show (409 and 201 with the poll).
    vote: (id, choice, token) =>
      request(`/api/ward/polls/${encodeURIComponent(id)}/vote/`, { locale: lang }, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Ward-Voter": token },
        body: JSON.stringify({ choice }),
        acceptStatus: [400, 403, 409, 429],
      }),
  };
}
