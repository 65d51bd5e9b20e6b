import scrapy


class NewsSpider(scrapy.Spider):
    """Follows the story links of a front page; a story's paragraphs go to item["body"]."""

    name = "news"

    def __init__(self, start_url="http://127.0.0.1:8000/", **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [start_url]

    def parse(self, response):
        yield from response.follow_all(css="a.story", callback=self.parse_story)

    def parse_story(self, response):
        yield {
            "url": response.css('link[rel="canonical"]::attr(href)').get(response.url),
            "body": response.css("article p::text").getall(),
        }
