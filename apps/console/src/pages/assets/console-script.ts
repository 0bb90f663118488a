/**
 * The console's only script, progressive enhancement: every page works without it. It sends the
 * point-in-time slider's form when the slider moves (keyboard or touch) and says, while it moves,
 * which moment it stands at. Plain ES2017 for any browser an office has.
 */
export const CONSOLE_JS = `'use strict';
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input[type=range][data-autosubmit]').forEach(function (slider) {
    var form = slider.form;
    var output = form && form.querySelector('output');
    var total = Number(slider.max);
    slider.addEventListener('input', function () {
      if (output) output.textContent = slider.value + ' / ' + total;
    });
    slider.addEventListener('change', function () {
      if (form) form.submit();
    });
  });
  document.documentElement.classList.add('js');
});
`;
