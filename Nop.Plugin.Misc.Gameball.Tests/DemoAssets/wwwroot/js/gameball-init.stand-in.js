// Demo stand-in for https://assets.gameball.co/widget/js/gameball-init.min.js (the tests run without internet).
// As the real loader does, it provides GbSdk and calls the page's window.GbLoadInit; GbSdk.init records the
// options it is given (window.gameballInitCalls) and marks the page, so a test sees what Gameball would get.
(function () {
    window.gameballInitCalls = [];
    window.GbSdk = {
        init: function (options) {
            window.gameballInitCalls.push(JSON.parse(JSON.stringify(options)));
            var widget = document.createElement('div');
            widget.id = 'gameball-widget-stand-in';
            widget.textContent = 'Gameball widget';
            document.body.appendChild(widget);
        }
    };
    if (typeof window.GbLoadInit === 'function') {
        window.GbLoadInit();
    }
})();
