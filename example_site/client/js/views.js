// The three pages of the client: the home (latest news and the poll), an article, and the
// schedule of the current week. Each takes the API, the client's words and the main element.

import { formatDate, h, richText } from "./dom.js";
import { renderPoll } from "./poll.js";

const LATEST_COUNT = 5;

export async function homeView(context) {
  const { api, t, config } = context;
  const news = await api.latestNews(LATEST_COUNT);
  const items = news.items.map((item) =>
    h(
      "li",
      { class: "news-item" },
      h("h3", { class: "news-item__title" }, h("a", { href: `#/news/${item.id}` }, item.title)),
      h(
        "p",
        { class: "news-item__meta" },
        h("time", { datetime: item.date }, formatDate(item.date)),
        item.category ? ` · ${item.category.name}` : "",
      ),
      item.lead ? h("p", { class: "news-item__lead" }, item.lead) : null,
    ),
  );
  const pollBox = h("section", { class: "box", "aria-labelledby": "poll-title" });
  const layout = h(
    "div",
    { class: "layout" },
    h(
      "section",
      { class: "layout__main", "aria-labelledby": "latest-title" },
      h("h2", { id: "latest-title" }, t.latest),
      items.length ? h("ul", { class: "news-list" }, items) : h("p", {}, t.noNews),
    ),
    h(
      "div",
      { class: "layout__side" },
      h(
        "section",
        { class: "box", "aria-labelledby": "schedule-link-title" },
        h("h2", { id: "schedule-link-title" }, t.schedule),
        h("p", {}, h("a", { href: "#/schedule" }, t.thisWeek)),
      ),
      pollBox,
    ),
  );
  const title = context.site ? context.site.unit.name : t.title;
  context.show(title, h("h1", {}, title), layout);
  // ?poll= overrides the poll of the side column that site-info names.
  const sidePoll = context.site ? context.site.side_poll : null;
  const pollId = config.polls[config.lang] || (sidePoll ? String(sidePoll.id) : null);
  if (pollId) {
    await renderPoll(pollBox, { ...context, pollId });
  } else {
    pollBox.append(h("h2", { id: "poll-title" }, t.poll), h("p", {}, t.noPoll));
  }
}

function block(blockData, api) {
  const { type, value } = blockData;
  if (type === "paragraph" && typeof value === "string") return richText(value, api.root);
  if (type === "heading" && value) {
    return h(value.level === "h3" ? "h3" : "h2", {}, value.text);
  }
  if (type === "image" && value && value.image) {
    return h(
      "figure",
      { class: "figure" },
      h("img", {
        src: api.url(value.image.url),
        alt: value.alt_text || "",
        width: value.image.width,
        height: value.image.height,
      }),
      value.caption ? h("figcaption", {}, value.caption) : null,
    );
  }
  if (typeof value === "string" && value) return h("p", {}, value);
  return null;
}

export async function articleView(context, id) {
  const { api, t } = context;
  const article = await api.article(id);
  const picture = article.featured_image_rendition;
  context.translations = { id: article.id };
  context.show(
    article.title,
    h(
      "article",
      { class: "article" },
      h("h1", { class: "article__title" }, article.title),
      h(
        "p",
        { class: "article__meta" },
        `${t.published}: `,
        h("time", { datetime: article.date }, formatDate(article.date)),
        article.category ? ` · ${t.category}: ${article.category.name}` : "",
      ),
      article.lead ? h("p", { class: "article__lead" }, article.lead) : null,
      picture
        ? h(
            "figure",
            { class: "figure" },
            h("img", {
              src: api.url(picture.url),
              alt: picture.alt || "",
              width: picture.width,
              height: picture.height,
            }),
            article.featured_image_caption
              ? h("figcaption", {}, article.featured_image_caption)
              : null,
          )
        : null,
      h("div", { class: "article__body" }, (article.body || []).map((b) => block(b, api))),
      article.source_name
        ? h(
            "p",
            { class: "article__source" },
            `${t.source}: `,
            article.source_url
              ? h("a", { href: article.source_url }, article.source_name)
              : article.source_name,
          )
        : null,
      h("p", {}, h("a", { href: "#/" }, t.backHome)),
    ),
  );
  return article;
}

function entryTime(entry, t) {
  if (entry.all_day) return t.allDay;
  const times = [entry.start_time, entry.end_time].filter(Boolean).join("–");
  return [times, entry.session_label, entry.time_note].filter(Boolean).join(" · ");
}

function entryView(entry, t) {
  const details = [
    [t.presiding, entry.presiding],
    [t.participants, entry.participants],
    [t.location, entry.location],
  ].filter(([, value]) => value);
  return h(
    "li",
    { class: "entry", "data-uid": entry.uid },
    h("p", { class: "entry__time" }, entryTime(entry, t)),
    h(
      "p",
      { class: "entry__content" },
      h("span", { class: "entry__text" }, entry.content),
      entry.changed ? h("span", { class: "entry__changed" }, ` (${t.changed})`) : null,
    ),
    details.length
      ? h("dl", { class: "entry__details" }, details.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]))
      : null,
  );
}

export async function scheduleView(context) {
  const { api, t } = context;
  let schedule;
  try {
    schedule = await api.scheduleCovering();
  } catch (error) {
    if (error.status !== 404) throw error;
    // No schedule covers today: the API says so in the language asked for.
    context.show(t.thisWeek, h("h1", {}, t.thisWeek), h("p", { class: "notice" }, error.message));
    return;
  }
  const days = schedule.days.filter((day) => day.entries.length);
  context.show(
    schedule.title,
    h(
      "article",
      { class: "schedule" },
      h("h1", {}, schedule.title),
      schedule.notice ? h("p", { class: "notice" }, schedule.notice) : null,
      days.map((day) =>
        h(
          "section",
          { class: "day", "aria-labelledby": `day-${day.date}` },
          h(
            "h2",
            { id: `day-${day.date}`, class: day.is_today ? "day__title day__title--today" : "day__title" },
            day.long_date,
          ),
          h("ul", { class: "entries" }, day.entries.map((entry) => entryView(entry, t))),
        ),
      ),
    ),
  );
}
