/** The city's wall clock, which people live by (rush hours, shop hours) unlike the sun. */
export interface LocalTime {
  /** Hours since local midnight, fractional: 17.5 is half past five in the afternoon. */
  hour: number
  /** 0 Sunday … 6 Saturday. */
  weekday: number
}

const formats = new Map<string, Intl.DateTimeFormat>()
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

export function localTime(time: Date, timeZone: string): LocalTime {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formats.set(timeZone, format)
  }
  let hour = 0
  let weekday = 0
  for (const part of format.formatToParts(time)) {
    if (part.type === 'hour') hour += Number(part.value)
    else if (part.type === 'minute') hour += Number(part.value) / 60
    else if (part.type === 'second') hour += Number(part.value) / 3600
    else if (part.type === 'weekday') weekday = WEEKDAYS.indexOf(part.value)
  }
  return { hour, weekday }
}

/** Position in the year as an angle-friendly day number, 0 on 1 January (UTC; a day off is fine). */
export function dayOfYear(time: Date): number {
  const start = Date.UTC(time.getUTCFullYear(), 0, 1)
  return (time.getTime() - start) / 86_400_000
}

/** Hours of the sun's day at a longitude: 12 is when the sun stands highest. */
export function solarHour(time: Date, longitude: number): number {
  const utcHours = (time.getTime() / 3_600_000) % 24
  return (((utcHours + longitude / 15) % 24) + 24) % 24
}

/** Closeness of `hour` to `centre` on a 24-hour circle, as a bell of the given width (hours). */
export function bump(hour: number, centre: number, width: number): number {
  const distance = ((((hour - centre + 12) % 24) + 24) % 24) - 12
  return Math.exp(-0.5 * (distance / width) ** 2)
}
