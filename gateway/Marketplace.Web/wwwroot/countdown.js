// Progressive enhancement: the server already wrote the time left; this keeps it current each minute.
(function () {
    "use strict";
    function update() {
        document.querySelectorAll(".countdown[data-deadline]").forEach(function (el) {
            var left = Number(el.dataset.deadline) - Date.now();
            if (left <= 0) { el.textContent = el.dataset.closed; return; }
            var minutes = Math.floor(left / 60000);
            el.textContent = Math.floor(minutes / 1440) + " " + el.dataset.days + " " + Math.floor((minutes % 1440) / 60) + " " +
                el.dataset.hours + " " + (minutes % 60) + " " + el.dataset.minutes;
        });
    }
    update();
    setInterval(update, 60000);
    document.addEventListener("enhancedload", update);
})();
