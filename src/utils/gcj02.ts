/**
 * WGS-84 (what a browser's geolocation gives) → GCJ-02 (what WeChat's maps and `getLocation({type:'gcj02'})`
 * use in China), so a point is stored in one datum whichever target found it. The published "eviltransform"
 * formula (Krasovsky ellipsoid); accurate to about a metre, and the identity outside China, where no offset applies.
 */
export interface LatLng {
  latitude: number;
  longitude: number;
}

const A = 6378245.0;
const EE = 0.00669342162296594323;

function outOfChina({ latitude, longitude }: LatLng): boolean {
  return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;
}

/** The offset series of the formula, in metres-ish units; x, y are degrees from (105°E, 35°N). */
function offset(x: number, y: number): { lat: number; lng: number } {
  const base = 20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI);
  let lat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  lat +=
    ((base +
      20 * Math.sin(y * Math.PI) +
      40 * Math.sin((y / 3) * Math.PI) +
      160 * Math.sin((y / 12) * Math.PI) +
      320 * Math.sin((y * Math.PI) / 30)) *
      2) /
    3;
  let lng = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  lng +=
    ((base +
      20 * Math.sin(x * Math.PI) +
      40 * Math.sin((x / 3) * Math.PI) +
      150 * Math.sin((x / 12) * Math.PI) +
      300 * Math.sin((x / 30) * Math.PI)) *
      2) /
    3;
  return { lat, lng };
}

export function wgs84ToGcj02(point: LatLng): LatLng {
  if (outOfChina(point)) return { ...point };
  const { latitude, longitude } = point;
  const d = offset(longitude - 105, latitude - 35);
  const radLat = (latitude / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  return {
    latitude: latitude + (d.lat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI),
    longitude: longitude + (d.lng * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI),
  };
}
